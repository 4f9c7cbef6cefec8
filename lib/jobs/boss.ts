import PgBoss from 'pg-boss';
import type { TDbHandle } from '@/db/client';

/**
 * pg-boss on whichever database the app runs: a connection string on PostgreSQL (N workers share
 * the queue with SKIP LOCKED), or the in-process PGlite through pg-boss's `db` adapter (embedded
 * mode runs the worker inside the app process; shared/STACK.md §3).
 */
export function createBoss(handle: TDbHandle, databaseUrl: string | undefined): PgBoss {
  if (handle.kind === 'postgres' && databaseUrl) return new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4 });
  const pg = handle.pglite!;
  return new PgBoss({
    schema: 'pgboss',
    db: {
      async executeSql(text: string, values: unknown[]) {
        if (!values?.length) {
          // Multi-statement DDL (pg-boss migrations) needs exec; take the last statement's rows.
          const r = await pg.exec(text);
          const last = r.at(-1);
          return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
        }
        const r = await pg.query(text, values);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      },
    },
  });
}

export const QUEUES = {
  /** Every minute: enqueue the advisory sources whose poll interval has elapsed. */
  pollSources: 'intake-poll',
  /** Fetch and import one advisory source. */
  runSource: 'intake-source',
  /** Full applicability recompute, with progress in intake_runs. */
  recompute: 'applicability-recompute',
  /** Hourly: run the tenants' auto-approval rules (lib/authorisation/run-auto-approval.ts). */
  autoApproval: 'auto-approval',
  /** Every minute: e-mail queued notifications through SMTP (does nothing unless SMTP is configured). */
  deliverEmail: 'notify-email',
  /** Send one change event to one webhook connector (lib/changes/connector); retried with backoff. */
  deliverChangeEvent: 'change-webhook',
  /** Every minute: deliveries for change events that have none yet, and a job again for lost ones. */
  sweepChangeDeliveries: 'change-webhook-sweep',
  /** Hourly: turn every tenant's authorised, released patches into change requests (lib/changes/generate-changes.ts). */
  generateChanges: 'change-generate',
} as const;
