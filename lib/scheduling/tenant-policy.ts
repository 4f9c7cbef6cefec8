import { defaultPolicy, ZPolicy, type TPolicy, type TRingRule } from '@/lib/domain/policy';

/**
 * The policy a tenant runs on: its stored policy, or — without a row — the contracted default.
 * The default's ring order is test → dev → prod; a tenant created with other rings gets its own rings
 * in their order instead (default soak and gate for unknown names), so its assets are not all
 * refused with `ring_gate` before an admin has saved a policy.
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
  return {
    ...base,
    rings: tenantRingNames.map((ring, i) => base.rings.find((r) => r.ring === ring) ?? generic(ring, i === tenantRingNames.length - 1)),
  };
}
