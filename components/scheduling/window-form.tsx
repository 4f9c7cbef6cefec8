'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Label, Select } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import { WEEKDAYS, validateWindow, type TWindowDef } from '@/lib/domain/windows';
import type { TActionResult, TIssue } from '@/lib/errors';
import { previewWindow } from '@/lib/scheduling/window-preview';
import { OccurrenceList } from './occurrence-list';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;
type TKind = TWindowDef['recurrence']['kind'];

/** Everything as the inputs hold it (strings), so a half-typed form never loses what was typed. */
type TValues = {
  name: string;
  kind: TKind;
  days: string[];
  nth: string;
  weekday: string;
  offsetDays: string;
  interval: string;
  anchor: string;
  start: string;
  durationMinutes: string;
  zoneMode: 'asset' | 'fixed';
  zone: string;
  rings: string[];
  applicationIds: string[];
  tags: string;
};

const KINDS: { value: TKind; label: string }[] = [
  { value: 'weekly', label: 'Weekly, on chosen days' },
  { value: 'monthlyNth', label: 'Monthly, on the Nth weekday' },
  { value: 'patchTuesdayOffset', label: 'Patch Tuesday + N days' },
  { value: 'everyNDays', label: 'Every N days' },
];
const DAY_LABEL: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

function initialValues(def: TWindowDef | undefined, today: string): TValues {
  const r = def?.recurrence;
  return {
    name: def?.name ?? '',
    kind: r?.kind ?? 'weekly',
    days: r?.kind === 'weekly' ? r.days : ['SU'],
    nth: r?.kind === 'monthlyNth' ? String(r.nth) : '1',
    weekday: r?.kind === 'monthlyNth' ? r.weekday : 'SA',
    offsetDays: r?.kind === 'patchTuesdayOffset' ? String(r.offsetDays) : '3',
    interval: r?.kind === 'everyNDays' ? String(r.interval) : '7',
    anchor: r?.kind === 'everyNDays' ? r.anchor : today,
    start: def?.start ?? '02:00',
    durationMinutes: String(def?.durationMinutes ?? 180),
    zoneMode: def && def.zone !== 'asset' ? 'fixed' : 'asset',
    zone: def && def.zone !== 'asset' ? def.zone : 'UTC',
    rings: def?.scope.rings ?? [],
    applicationIds: def?.scope.applicationIds ?? [],
    tags: (def?.scope.assetTags ?? []).join(', '),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The window definition the inputs describe; the server validates it again (the domain's validateWindow). */
function toDef(v: TValues): Record<string, unknown> {
  const recurrence =
    v.kind === 'weekly'
      ? { kind: v.kind, days: WEEKDAYS.filter((d) => v.days.includes(d)) }
      : v.kind === 'monthlyNth'
        ? { kind: v.kind, nth: num(v.nth), weekday: v.weekday }
        : v.kind === 'patchTuesdayOffset'
          ? { kind: v.kind, offsetDays: num(v.offsetDays) }
          : { kind: v.kind, interval: num(v.interval), anchor: v.anchor };
  const tags = v.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    name: v.name,
    recurrence,
    start: v.start,
    durationMinutes: num(v.durationMinutes),
    zone: v.zoneMode === 'asset' ? 'asset' : v.zone.trim(),
    scope: {
      ...(v.rings.length ? { rings: v.rings } : {}),
      ...(v.applicationIds.length ? { applicationIds: v.applicationIds } : {}),
      ...(tags.length ? { assetTags: tags } : {}),
    },
  };
}

const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

type Props = {
  action: TAction;
  /** Create in this tenant, or edit this window. */
  target: { tenantId: string } | { windowId: string };
  initial?: TWindowDef;
  now: string;
  rings: string[];
  applications: { id: string; name: string }[];
  zones: string[];
};

/** Create or edit a maintenance window, with a live preview of its next openings (checked again on save). */
export function WindowForm({ action, target, initial, now, rings, applications, zones }: Props) {
  const router = useRouter();
  const [v, setV] = useState<TValues>(() => initialValues(initial, now.slice(0, 10)));
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<unknown> | null>(null);
  const issues: TIssue[] = res && !res.ok ? (res.issues ?? []) : [];
  const err = (f: string) => issues.find((i) => i.field === f || i.field?.startsWith(`${f}.`))?.message;
  const set = <K extends keyof TValues>(k: K, value: TValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const isEdit = 'windowId' in target;
  const preview = useMemo(() => {
    // The preview does not need a name yet; saving does.
    const checked = validateWindow({ ...toDef(v), name: v.name.trim() || 'Preview' }, now);
    return checked.ok ? previewWindow(checked.def, { now, count: 3, sampleZones: zones }) : null;
  }, [v, now, zones]);

  return (
    <form
      className="grid grid-cols-1 gap-4 lg:grid-cols-3"
      aria-label={isEdit ? 'Edit window' : 'New window'}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await action({ ...target, window: toDef(v) });
        setBusy(false);
        setRes(r);
        if (r.ok) {
          if (!isEdit) setV(initialValues(undefined, now.slice(0, 10)));
          router.refresh();
        }
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:col-span-2">
        <div className="sm:col-span-2">
          <Field label="Name" htmlFor="w-name" error={err('window.name')}>
            <Input
              id="w-name"
              value={v.name}
              onChange={(e) => set('name', e.target.value)}
              placeholder="Sunday 02:00 local"
              aria-invalid={!!err('window.name')}
            />
          </Field>
        </div>
        <Field label="Repeats" htmlFor="w-kind">
          <Select id="w-kind" value={v.kind} onChange={(e) => set('kind', e.target.value as TKind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          {v.kind === 'weekly' ? (
            <fieldset>
              <legend className="mb-1 text-xs font-medium text-slate-600">Days</legend>
              <div className="flex flex-wrap gap-2">
                {WEEKDAYS.map((d) => (
                  <label key={d} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" checked={v.days.includes(d)} onChange={() => set('days', toggle(v.days, d))} /> {DAY_LABEL[d]}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : v.kind === 'monthlyNth' ? (
            <div className="grid grid-cols-2 gap-2">
              <Field label="Which" htmlFor="w-nth">
                <Select id="w-nth" value={v.nth} onChange={(e) => set('nth', e.target.value)}>
                  {[
                    ['1', '1st'],
                    ['2', '2nd'],
                    ['3', '3rd'],
                    ['4', '4th'],
                    ['-1', 'Last'],
                  ].map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Weekday" htmlFor="w-weekday">
                <Select id="w-weekday" value={v.weekday} onChange={(e) => set('weekday', e.target.value)}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {DAY_LABEL[d]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          ) : v.kind === 'patchTuesdayOffset' ? (
            <Field label="Days after Patch Tuesday" htmlFor="w-offset" hint="The second Tuesday of the month; −14 … +28.">
              <Input id="w-offset" type="number" value={v.offsetDays} onChange={(e) => set('offsetDays', e.target.value)} />
            </Field>
          ) : (
            <div className="grid grid-cols-2 gap-2">
              <Field label="Every N days" htmlFor="w-interval">
                <Input id="w-interval" type="number" min={1} value={v.interval} onChange={(e) => set('interval', e.target.value)} />
              </Field>
              <Field label="Starting from" htmlFor="w-anchor">
                <Input id="w-anchor" type="date" value={v.anchor} onChange={(e) => set('anchor', e.target.value)} />
              </Field>
            </div>
          )}
          {err('window.recurrence') ? (
            <p className="mt-1 text-xs text-red-600" id="w-recurrence-error">
              {err('window.recurrence')}
            </p>
          ) : null}
        </div>
        <Field label="Opens at" htmlFor="w-start" hint="Wall-clock time in the zone below." error={err('window.start')}>
          <Input id="w-start" type="time" value={v.start} onChange={(e) => set('start', e.target.value)} aria-invalid={!!err('window.start')} />
        </Field>
        <Field label="Duration (minutes)" htmlFor="w-duration" error={err('window.durationMinutes')} hint="1 to 1440 (24 hours).">
          <Input
            id="w-duration"
            type="number"
            value={v.durationMinutes}
            onChange={(e) => set('durationMinutes', e.target.value)}
            aria-invalid={!!err('window.durationMinutes')}
          />
        </Field>
        <Field label="Time zone" htmlFor="w-zone-mode">
          <Select id="w-zone-mode" value={v.zoneMode} onChange={(e) => set('zoneMode', e.target.value as TValues['zoneMode'])}>
            <option value="asset">Each asset&apos;s own zone</option>
            <option value="fixed">One fixed zone</option>
          </Select>
        </Field>
        {v.zoneMode === 'fixed' ? (
          <Field label="IANA zone" htmlFor="w-zone" error={err('window.zone')}>
            <Input id="w-zone" list="w-zone-options" value={v.zone} onChange={(e) => set('zone', e.target.value)} aria-invalid={!!err('window.zone')} />
            <datalist id="w-zone-options">
              {['UTC', ...zones].map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </Field>
        ) : (
          <p className="self-end pb-2 text-xs text-slate-500">The window opens at this wall-clock time in every asset&apos;s own zone.</p>
        )}
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-xs font-medium text-slate-600">Applies to (empty: the whole tenant)</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <div>
              <Label>Rings</Label>
              {rings.map((r) => (
                <label key={r} className="mr-3 inline-flex items-center gap-1 text-sm">
                  <input type="checkbox" checked={v.rings.includes(r)} onChange={() => set('rings', toggle(v.rings, r))} /> {r}
                </label>
              ))}
              {err('window.scope.rings') ? <p className="text-xs text-red-600">{err('window.scope.rings')}</p> : null}
            </div>
            <div>
              <Label htmlFor="w-apps">Applications</Label>
              <Select
                id="w-apps"
                multiple
                className="h-20"
                value={v.applicationIds}
                onChange={(e) =>
                  set(
                    'applicationIds',
                    [...e.target.selectedOptions].map((o) => o.value),
                  )
                }
              >
                {applications.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </div>
            <Field label="Asset tags (comma separated)" htmlFor="w-tags">
              <Input id="w-tags" value={v.tags} onChange={(e) => set('tags', e.target.value)} placeholder="pci, web" />
            </Field>
          </div>
        </fieldset>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" size="sm" disabled={busy}>
            {isEdit ? 'Save window' : 'Create window'}
          </Button>
          {res ? (
            <FormMessage tone={res.ok ? 'success' : 'error'}>
              {res.ok ? (isEdit ? 'Window saved.' : 'Window created. Its next openings are listed above.') : res.message}
            </FormMessage>
          ) : null}
        </div>
      </div>
      <aside className="rounded-md bg-slate-50 p-3" aria-label="Preview">
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Next openings</p>
        {preview ? <OccurrenceList previews={preview} /> : <p className="text-xs text-slate-500">Complete the form to see when this window opens.</p>}
      </aside>
    </form>
  );
}
