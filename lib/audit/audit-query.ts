import { and, eq, gte, ilike, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { likePattern, listQuerySchema } from '@/lib/list-query';

/** The value of the tenant filter that selects entries with no tenant (imports, intake runs, recomputes). */
export const PLATFORM_TENANT = 'platform';

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-07.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a calendar date.');
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The list's paging, sort and filters; bad filter values fall back to "all" (a stale link still opens). */
export const ZAuditQuery = listQuerySchema(['seq', 'action', 'actor'] as const, 'seq').extend({
  tenant: z
    .union([z.literal(PLATFORM_TENANT), z.uuid()])
    .optional()
    .catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  actor: z.string().max(320).optional().catch(undefined),
  from: z.string().max(40).optional().catch(undefined),
  to: z.string().max(40).optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

const RANGE_MESSAGE = 'The “to” date must be on or after the “from” date.';

/** Inclusive UTC days; `to` must not come before `from`. A bad range is refused, never silently widened. */
const ZDayRange = z
  .object({ from: z.preprocess(emptyToUndefined, ZDay.optional()), to: z.preprocess(emptyToUndefined, ZDay.optional()) })
  .refine((r) => !r.from || !r.to || r.to >= r.from, { path: ['to'], message: RANGE_MESSAGE });
export type TDayRange = { from?: string; to?: string };

/** Validates the date range of a query: the range to apply, or the message to show beside the date fields. */
export function checkDayRange(query: Pick<TAuditQuery, 'from' | 'to'>): { range: TDayRange; error: string | null } {
  const res = ZDayRange.safeParse({ from: query.from, to: query.to });
  if (res.success) return { range: res.data, error: null };
  const issue = res.error.issues[0];
  const field = issue.path[0] === 'from' ? 'From' : 'To';
  return { range: {}, error: issue.message === RANGE_MESSAGE ? RANGE_MESSAGE : `${field}: ${issue.message}` };
}

/** Same check for exports: a bad range answers 400 instead of exporting a different slice. */
export function requireDayRange(query: Pick<TAuditQuery, 'from' | 'to'>): TDayRange {
  const { range, error } = checkDayRange(query);
  if (error) throw new AppError('VALIDATION', error, [{ field: 'to', message: error }]);
  return range;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/**
 * What an audit reader may see: the entries of the tenants where they hold audit:read, plus the
 * platform entries (no tenant). Null when they read no tenant at all.
 */
export function auditScope(actor: TActor): SQL | null {
  const tenantIds = tenantsWith(actor, 'audit:read');
  if (tenantIds.length === 0) return null;
  return or(inArray(auditLog.tenantId, tenantIds), isNull(auditLog.tenantId)) as SQL;
}

/** The scope plus the list's filters, shared by the page, the exports and nothing else. */
export function auditWhere(scope: SQL, query: TAuditQuery, range: TDayRange): SQL {
  const where: SQL[] = [scope];
  if (query.tenant === PLATFORM_TENANT) where.push(isNull(auditLog.tenantId));
  else if (query.tenant) where.push(eq(auditLog.tenantId, query.tenant));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actor) where.push(eq(auditLog.actorLabel, query.actor));
  if (range.from) where.push(gte(auditLog.at, `${range.from}T00:00:00.000Z`));
  if (range.to) where.push(lt(auditLog.at, nextDay(range.to)));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(auditLog.actorLabel, p), ilike(auditLog.action, p), ilike(auditLog.targetId, p)) as SQL);
  }
  return and(...where) as SQL;
}
