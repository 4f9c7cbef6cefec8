'use client';
import { Ban, CalendarCheck, Check, FastForward, Play, RefreshCw, Send, X, Archive } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useRef, useState, type ReactNode } from 'react';
import { SubmitResult } from '@/components/authorisation/use-submit';
import { Button } from '@/components/ui/button';
import { Field, Select, Textarea } from '@/components/ui/input';
import type { TActionResult } from '@/lib/errors';

type TAnyAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;

/** The buttons a change page offers; the server decides which from the state machine, the role and the capacity. */
export type TChangeButton = 'approve' | 'reject' | 'resubmit' | 'schedule' | 'expedite' | 'start' | 'replan' | 'cancel' | 'close';

type TSpec = { label: string; icon: ReactNode; variant: 'primary' | 'secondary' | 'danger'; needsNote?: boolean; done: string };

const SPEC: Record<TChangeButton, TSpec> = {
  approve: { label: 'Approve', icon: <Check />, variant: 'primary', done: 'Your approval is recorded.' },
  reject: { label: 'Reject', icon: <X />, variant: 'danger', needsNote: true, done: 'Change rejected.' },
  resubmit: { label: 'Resubmit with the current scope', icon: <Send />, variant: 'primary', done: 'Resubmitted: approval starts again.' },
  schedule: { label: 'Schedule', icon: <CalendarCheck />, variant: 'primary', done: 'Change scheduled.' },
  expedite: { label: 'Expedite (emergency)', icon: <FastForward />, variant: 'danger', needsNote: true, done: 'Expedited: approve it after the fact.' },
  start: { label: 'Start implementation', icon: <Play />, variant: 'primary', done: 'Implementation started.' },
  replan: { label: 'Recompute plan', icon: <RefreshCw />, variant: 'secondary', done: 'Plan recomputed.' },
  cancel: { label: 'Cancel change', icon: <Ban />, variant: 'secondary', needsNote: true, done: 'Change cancelled.' },
  close: { label: 'Close', icon: <Archive />, variant: 'secondary', done: 'Change closed.' },
};

/**
 * The actions of a change for this user. Every call sends the version the page loaded, so a change
 * someone else moved meanwhile is refused with "reload" instead of acting on what was not seen.
 */
export function ChangeActions({
  changeId,
  version,
  buttons,
  actions,
  noteLabel,
}: {
  changeId: string;
  version: number;
  buttons: TChangeButton[];
  actions: Partial<Record<TChangeButton, TAnyAction>>;
  noteLabel: string;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<unknown> | null>(null);
  const [done, setDone] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const run = async (b: TChangeButton) => {
    const action = actions[b];
    if (!action) return;
    const note = String((form.current ? new FormData(form.current).get('note') : '') ?? '').trim();
    if (SPEC[b].needsNote && !note) {
      setNoteError(`Say why (required to ${SPEC[b].label.toLowerCase()}).`);
      return;
    }
    setNoteError(undefined);
    setBusy(true);
    const r = await action({ changeId, expectedVersion: version, ...(note ? { note } : {}) });
    setBusy(false);
    setDone(SPEC[b].done);
    setRes(r);
    if (r.ok) {
      form.current?.reset();
      router.refresh();
    }
  };
  if (buttons.length === 0) return null;
  return (
    <form ref={form} noValidate aria-label="Change actions" className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <Field label={noteLabel} htmlFor="change-note" error={noteError ?? (res && !res.ok ? res.issues?.find((i) => i.field === 'note')?.message : undefined)}>
        <Textarea id="change-note" name="note" rows={2} />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        {buttons.map((b) => (
          <Button key={b} type="button" variant={SPEC[b].variant} disabled={busy} onClick={() => void run(b)} data-testid={`change-${b}`}>
            {SPEC[b].icon} {SPEC[b].label}
          </Button>
        ))}
      </div>
      <SubmitResult res={res} success={() => done} />
    </form>
  );
}

/** Operator: records how the implementation went, with the evidence closing needs. */
export function RecordOutcomeForm({ changeId, version, action }: { changeId: string; version: number; action: TAnyAction }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<unknown> | null>(null);
  const err = (field: string) => (res && !res.ok ? res.issues?.find((i) => i.field === field || i.field?.startsWith(`${field}.`))?.message : undefined);
  return (
    <form
      aria-label="Record outcome"
      noValidate
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const links = String(fd.get('links') ?? '')
          .split(/\s+/)
          .filter(Boolean);
        setBusy(true);
        const r = await action({ changeId, expectedVersion: version, outcome: fd.get('outcome'), summary: fd.get('summary'), links });
        setBusy(false);
        setRes(r);
        if (r.ok) router.refresh();
      }}
    >
      <Field label="Outcome" htmlFor="o-outcome">
        <Select
          id="o-outcome"
          name="outcome"
          defaultValue="completed"
          options={[
            { value: 'completed', label: 'completed' },
            { value: 'failed', label: 'failed' },
          ]}
        />
      </Field>
      <Field label="What was done and how it was verified" htmlFor="o-summary" error={err('summary')}>
        <Textarea id="o-summary" name="summary" rows={3} />
      </Field>
      <Field label="Evidence links (one per line, optional)" htmlFor="o-links" error={err('links')}>
        <Textarea id="o-links" name="links" rows={2} placeholder="https://…" />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={busy}>
          Record outcome
        </Button>
        <SubmitResult res={res} success={() => 'Outcome recorded with its evidence.'} />
      </div>
    </form>
  );
}

/** A comment on the change, for anyone of the tenant who may comment. */
export function CommentForm({ changeId, action }: { changeId: string; action: TAnyAction }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<unknown> | null>(null);
  return (
    <form
      aria-label="Add a comment"
      noValidate
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const el = e.currentTarget;
        setBusy(true);
        const r = await action({ changeId, body: new FormData(el).get('body') });
        setBusy(false);
        setRes(r.ok ? null : r);
        if (r.ok) {
          el.reset();
          router.refresh();
        }
      }}
    >
      <Field label="Comment" htmlFor="c-body" error={res && !res.ok ? res.issues?.find((i) => i.field === 'body')?.message : undefined}>
        <Textarea id="c-body" name="body" rows={2} placeholder="Ask a question or leave a note for the approvers…" />
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
          Add comment
        </Button>
        {res && !res.ok && !res.issues?.length ? <SubmitResult res={res} success={() => ''} /> : null}
      </div>
    </form>
  );
}
