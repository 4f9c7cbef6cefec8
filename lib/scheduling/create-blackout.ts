import { z } from 'zod';
import type { TDb } from '@/db/client';
import { blackouts } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { refreshTenantConflicts } from '@/lib/changes/replan-change';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { isValidZone, localToInstant } from '@/lib/domain/time';
import { ZBlackout, ZScope } from '@/lib/domain/windows';
import { AppError, parseInput, type TIssue } from '@/lib/errors';
import { checkScope } from './check-scope';

const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const ZCreateBlackout = z.object({
  tenantId: z.string().uuid(),
  name: z.string().trim().min(1, 'Give the blackout a name.').max(200, 'Name is too long (200 characters at most).'),
  /** An ISO instant with Z or an offset, or a wall-clock `YYYY-MM-DDTHH:mm` read in `zone`. */
  startsAt: z.string().trim(),
  endsAt: z.string().trim(),
  zone: z.string().refine(isValidZone, 'Unknown time zone: use an IANA name such as Europe/Paris.').default('UTC'),
  reason: z.string().trim().max(500, 'Reason is too long (500 characters at most).').optional(),
  scope: ZScope.default({}),
});
export type TCreateBlackout = z.input<typeof ZCreateBlackout>;

/** Wall-clock input becomes an instant by the product's DST rule; an instant passes through. */
function toInstantInput(value: string, zone: string, field: 'startsAt' | 'endsAt', issues: TIssue[]): string {
  if (value === '') {
    issues.push({ field, message: field === 'startsAt' ? 'Enter when the blackout starts.' : 'Enter when the blackout ends.' });
    return value;
  }
  if (!LOCAL_RE.test(value)) return value;
  try {
    return localToInstant(value, zone);
  } catch {
    issues.push({ field, message: `"${value}" is not a date and time that exists.` });
    return value;
  }
}

/** Adds a blackout (change freeze) to a tenant; it must end after it starts. */
export async function createBlackout(db: TDb, actor: TActor, raw: TCreateBlackout) {
  const input = parseInput(ZCreateBlackout, raw, 'Invalid blackout.');
  requireTenantAccess(actor, input.tenantId, 'window:write');
  const issues: TIssue[] = [];
  const startsAt = toInstantInput(input.startsAt, input.zone, 'startsAt', issues);
  const endsAt = toInstantInput(input.endsAt, input.zone, 'endsAt', issues);
  if (issues.length) throw new AppError('VALIDATION', issues[0].message, issues);
  const blackout = parseInput(ZBlackout, { name: input.name, startsAt, endsAt, scope: input.scope }, 'Invalid blackout.');
  const result = await db.transaction(async (tx) => {
    const scope = await checkScope(tx, input.tenantId, blackout.scope, 'scope');
    const values = { tenantId: input.tenantId, name: input.name, startsAt: new Date(startsAt), endsAt: new Date(endsAt), scope, reason: input.reason || null };
    const [row] = await tx.insert(blackouts).values(values).returning();
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'blackout.create',
      targetType: 'blackout',
      targetId: row.id,
      after: { name: row.name, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), scope, reason: row.reason },
    });
    return { id: row.id };
  });
  await refreshTenantConflicts(db, input.tenantId);
  return result;
}
