import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { PREVIEW_SEVERITIES, type TSchedulePreviewQuery } from '@/lib/scheduling/preview-schedule';

type Props = {
  query: TSchedulePreviewQuery;
  /** Kept across submissions: the tenant, the display zone and a pinned planning instant. */
  keep: Record<string, string | undefined>;
  defaultMode: string;
  rings: string[];
  applications: { id: string; name: string }[];
};

/** The preview's inputs as a plain GET form: every preview is a link, and it works before any script loads. */
export function ScheduleControls({ query, keep, defaultMode, rings, applications }: Props) {
  return (
    <form method="get" action="/schedule" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-6" aria-label="Preview inputs">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <Field label="Severity" htmlFor="s-severity">
        <Select id="s-severity" name="severity" defaultValue={query.severity} options={PREVIEW_SEVERITIES} />
      </Field>
      <Field label="Minutes per job" htmlFor="s-minutes">
        <Input id="s-minutes" name="minutes" type="number" min={1} max={1440} defaultValue={query.minutes} />
      </Field>
      <Field label="Time mode" htmlFor="s-mode">
        <Select id="s-mode" name="mode" defaultValue={query.mode ?? ''}>
          <option value="">policy default ({defaultMode})</option>
          <option value="local">local</option>
          <option value="absolute">absolute</option>
        </Select>
      </Field>
      <Field label="Application" htmlFor="s-app">
        <Select id="s-app" name="app" defaultValue={query.app ?? ''} empty="all" options={applications.map((a) => ({ value: a.id, label: a.name }))} />
      </Field>
      <Field label="Ring" htmlFor="s-ring">
        <Select id="s-ring" name="ring" defaultValue={query.ring ?? ''} empty="all" options={rings} />
      </Field>
      <Button type="submit">Plan</Button>
    </form>
  );
}
