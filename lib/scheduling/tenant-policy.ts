import { defaultPolicy, ZPolicy, type TPolicy, type TRingRule } from '@/lib/domain/policy';

/**
 * The policy a tenant runs on: its stored policy, or — without a row — the contracted default.
 * The default's ring order is test → dev → prod; a tenant created with other rings gets its own rings
 * in their order instead (default soak and gate for unknown names), so its assets are not all
 * refused with `ring_gate` before an admin has saved a policy. The default standard rule keeps only the
 * tenant's rings among its own, and is dropped when none is left: it pre-approved nothing there anyway,
 * and an empty ring list would mean every ring.
 */
export function effectivePolicy(stored: unknown | null, tenantRingNames: readonly string[]): TPolicy {
  if (stored !== null && stored !== undefined) return ZPolicy.parse(stored);
  const base = defaultPolicy();
  const names = base.rings.map((r) => r.ring);
  if (tenantRingNames.length === 0 || (tenantRingNames.length === names.length && tenantRingNames.every((n, i) => n === names[i]))) return base;
  const generic = (ring: string, isLast: boolean): TRingRule => ({
    ring,
    soakHours: isLast ? 0 : 24,
    gate: { minSuccessPct: isLast ? 100 : 95, noOpenIncidents: true },
  });
  const known = new Set(tenantRingNames);
  const standardRules = base.changes.standardRules.map((r) => ({ ...r, rings: r.rings.filter((n) => known.has(n)) })).filter((r) => r.rings.length > 0);
  return {
    ...base,
    changes: { ...base.changes, standardRules },
    rings: tenantRingNames.map((ring, i) => base.rings.find((r) => r.ring === ring) ?? generic(ring, i === tenantRingNames.length - 1)),
  };
}
