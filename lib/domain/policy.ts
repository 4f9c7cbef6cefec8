import { z } from 'zod';
import { parseInstant, toInstant } from './time';
import { SEVERITIES, type TSeverity } from './types';

/**
 * A tenant's patch policy: SLA per severity, ring order with soak and promotion gates, rate control,
 * default time mode and the hypervisor cluster limit. Validated once at the boundary with `ZPolicy`;
 * the planner receives the parsed `TPolicy`.
 */

/** How often work of a severity is batched; informs change creation, not the planner's maths. */
export const CADENCES = ['asap', 'weekly', 'monthly', 'quarterly'] as const;
export type TCadence = (typeof CADENCES)[number];

/**
 * `local`: the same wall-clock time in each asset's own zone. `absolute`: one instant for all targets
 * of a ring, so no fleet runs mixed versions for longer than it must.
 */
export const TIME_MODES = ['local', 'absolute'] as const;
export type TTimeMode = (typeof TIME_MODES)[number];

export const LIMIT_KINDS = ['count', 'percent'] as const;

const ZSeverityRule = z.object({
  slaDays: z
    .number({ error: 'SLA days must be a number.' })
    .int('SLA days must be whole days.')
    .min(1, 'SLA must be at least 1 day.')
    .max(3650, 'SLA cannot exceed 10 years.'),
  cadence: z.enum(CADENCES, { error: 'Cadence must be asap, weekly, monthly or quarterly.' }),
});
export type TSeverityRule = z.infer<typeof ZSeverityRule>;

/** A limit expressed either as an absolute count or as a percentage of the targets concerned. */
export const ZLimit = z
  .object({
    kind: z.enum(LIMIT_KINDS, { error: 'Limit kind must be count or percent.' }),
    value: z.number({ error: 'Limit must be a number.' }).positive('Limit must be above 0.'),
  })
  .superRefine((l, ctx) => {
    if (l.kind === 'count' && !Number.isInteger(l.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A count limit must be a whole number.' });
    if (l.kind === 'percent' && l.value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percentage cannot exceed 100.' });
  });
export type TLimit = z.infer<typeof ZLimit>;

/**
 * One ring of the rollout order. `soakHours` is how long the ring is watched after its last job before
 * the next ring may start; `gate` must hold for promotion to the next ring.
 */
export const ZRingRule = z.object({
  ring: z.string().trim().min(1, 'Ring name is required.'),
  soakHours: z
    .number({ error: 'Soak must be a number of hours.' })
    .min(0, 'Soak cannot be negative.')
    .max(24 * 90, 'Soak cannot exceed 90 days.'),
  gate: z.object({
    minSuccessPct: z.number({ error: 'Success % must be a number.' }).min(0, 'Success % must be 0–100.').max(100, 'Success % must be 0–100.'),
    noOpenIncidents: z.boolean(),
  }),
});
export type TRingRule = z.infer<typeof ZRingRule>;

/** How changes are made from authorised patches (lib/changes): grouping, pre-approved standard rules, approvals. */
export const CHANGE_GROUPINGS = ['ring_window', 'application'] as const;
export type TChangeGrouping = (typeof CHANGE_GROUPINGS)[number];

export const ZStandardRule = z.object({
  name: z.string().trim().min(1, 'Give the rule a name.').max(200, 'Rule name is too long (200 characters at most).'),
  maxSeverity: z.enum(SEVERITIES, { error: 'Severity must be critical, high, medium, low or none.' }),
  /** Rings the pre-approval covers; empty = every ring. */
  rings: z.array(z.string().trim().min(1)).default([]),
  includeKev: z.boolean().default(false),
});

const DEFAULT_STANDARD_RULE = {
  name: 'Security patches up to high on non-production rings',
  maxSeverity: 'high',
  rings: ['test', 'dev'],
  includeKev: false,
} as const;

export const ZChangePolicy = z.object({
  /** `ring_window`: one change per tenant × ring × window; `application`: one per tenant × application. */
  grouping: z.enum(CHANGE_GROUPINGS, { error: 'Grouping must be ring_window or application.' }).default('ring_window'),
  /** Pre-approved at contract time: matching changes are standard and go straight to scheduled. */
  standardRules: z.array(ZStandardRule).default(() => [{ ...DEFAULT_STANDARD_RULE, rings: [...DEFAULT_STANDARD_RULE.rings] }]),
  /** Normal changes: the owners of the affected applications approve (when true) and `cabQuorum` CAB members or security users. */
  ownerApproval: z.boolean().default(true),
  cabQuorum: z
    .number({ error: 'Quorum must be a number.' })
    .int('Quorum must be a whole number.')
    .min(0, 'Quorum cannot be negative.')
    .max(10, 'Quorum cannot exceed 10.')
    .default(1),
  /** An emergency change must be approved within this many hours after it was expedited. */
  emergencyApprovalHours: z
    .number({ error: 'Hours must be a number.' })
    .int('Whole hours.')
    .min(1, 'At least 1 hour.')
    .max(720, 'At most 30 days.')
    .default(72),
});
export type TChangePolicy = z.output<typeof ZChangePolicy>;

export const ZPolicy = z.object({
  severity: z
    .object({
      critical: ZSeverityRule.default(() => defaultPolicy().severity.critical),
      high: ZSeverityRule.default(() => defaultPolicy().severity.high),
      medium: ZSeverityRule.default(() => defaultPolicy().severity.medium),
      low: ZSeverityRule.default(() => defaultPolicy().severity.low),
      none: ZSeverityRule.default(() => defaultPolicy().severity.none),
    })
    .prefault({}),
  rings: z
    .array(ZRingRule)
    .min(1, 'The ring order needs at least one ring.')
    .superRefine((rings, ctx) => {
      const seen = new Set<string>();
      rings.forEach((r, i) => {
        if (seen.has(r.ring)) ctx.addIssue({ code: 'custom', path: [i, 'ring'], message: `Ring "${r.ring}" appears twice in the ring order.` });
        seen.add(r.ring);
      });
    })
    .default(() => defaultPolicy().rings),
  rateControl: z
    .object({
      /** Jobs running at the same instant in a wave; percent is of the ring's (non-excepted) targets. */
      maxConcurrency: ZLimit.default(() => defaultPolicy().rateControl.maxConcurrency),
      /** Failed jobs that halt a wave; percent is of the wave's jobs. */
      errorThreshold: ZLimit.default(() => defaultPolicy().rateControl.errorThreshold),
    })
    .prefault({}),
  defaultTimeMode: z.enum(TIME_MODES, { error: 'Time mode must be local or absolute.' }).default('local'),
  /** At most this share of a cluster's hosts may be down (in maintenance) at once; always at least one. */
  clusterMaxDownPct: z
    .number({ error: 'Cluster limit must be a number.' })
    .gt(0, 'Cluster limit must be above 0%.')
    .max(100, 'Cluster limit cannot exceed 100%.')
    .default(25),
  changes: ZChangePolicy.prefault({}),
});
export type TPolicy = z.output<typeof ZPolicy>;
export type TPolicyInput = z.input<typeof ZPolicy>;

/**
 * The contracted default: critical 7 days, high 30, medium and low 90 (severity "none" 180);
 * rings test → dev → prod; at most 20% of a ring at once; halt a wave at 5% failures; local time.
 */
export function defaultPolicy(): TPolicy {
  return {
    severity: {
      critical: { slaDays: 7, cadence: 'asap' },
      high: { slaDays: 30, cadence: 'weekly' },
      medium: { slaDays: 90, cadence: 'monthly' },
      low: { slaDays: 90, cadence: 'quarterly' },
      none: { slaDays: 180, cadence: 'quarterly' },
    },
    rings: [
      { ring: 'test', soakHours: 24, gate: { minSuccessPct: 95, noOpenIncidents: true } },
      { ring: 'dev', soakHours: 48, gate: { minSuccessPct: 95, noOpenIncidents: true } },
      { ring: 'prod', soakHours: 0, gate: { minSuccessPct: 100, noOpenIncidents: true } },
    ],
    rateControl: { maxConcurrency: { kind: 'percent', value: 20 }, errorThreshold: { kind: 'percent', value: 5 } },
    defaultTimeMode: 'local',
    clusterMaxDownPct: 25,
    changes: {
      grouping: 'ring_window',
      standardRules: [{ ...DEFAULT_STANDARD_RULE, rings: [...DEFAULT_STANDARD_RULE.rings] }],
      ownerApproval: true,
      cabQuorum: 1,
      emergencyApprovalHours: 72,
    },
  };
}

/**
 * SLA deadline of a patch on an asset: `slaDays` × 24 h after publication or detection (whichever the
 * caller measures from). Elapsed days, not calendar days in some zone: the SLA is one instant for
 * everyone. Returns an ISO instant.
 */
export function slaDeadline(publishedOrDetectedAt: string, severity: TSeverity, policy: TPolicy): string {
  return toInstant(parseInstant(publishedOrDetectedAt) + policy.severity[severity].slaDays * 86_400_000);
}

/** Resolve a count/percent limit against `total` items: percent rounds down, and the result is at least 1. */
export function resolveLimit(limit: TLimit, total: number): number {
  const n = limit.kind === 'count' ? limit.value : Math.floor((total * limit.value) / 100);
  return Math.max(1, Math.floor(n));
}

/** Maximum jobs running at once in a ring of `ringSize` targets. */
export function maxConcurrencyFor(policy: TPolicy, ringSize: number): number {
  return resolveLimit(policy.rateControl.maxConcurrency, ringSize);
}

/** Number of failed jobs at which a wave of `waveSize` jobs halts. */
export function errorThresholdFor(policy: TPolicy, waveSize: number): number {
  if (policy.rateControl.errorThreshold.kind === 'count') return resolveLimit(policy.rateControl.errorThreshold, waveSize);
  // Percent rounds up here: 5% of 10 jobs halts at the first failure rather than never.
  return Math.max(1, Math.ceil((waveSize * policy.rateControl.errorThreshold.value) / 100));
}

/** Hosts of a cluster of `hostCount` that may be down at once (at least one, so a cluster can be patched at all). */
export function clusterMaxDown(policy: TPolicy, hostCount: number): number {
  return Math.max(1, Math.floor((hostCount * policy.clusterMaxDownPct) / 100));
}
