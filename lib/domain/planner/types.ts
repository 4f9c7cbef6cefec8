import type { TPolicy, TTimeMode } from '../policy';
import type { TAssetKind, TSeverity } from '../types';
import type { TBlackout, TWindowDef } from '../windows';

/** A patch of the change being planned. `expectedMinutes` includes any reboot. */
export type TPlanPatch = {
  id: string;
  severity: TSeverity;
  expectedMinutes: number;
  /** Defaults to the policy's `defaultTimeMode`. */
  timeMode?: TTimeMode;
  requiresReboot: boolean;
};

/** An asset the change applies to. */
export type TPlanTarget = {
  assetId: string;
  kind: TAssetKind;
  ring: string;
  /** The asset's IANA zone; windows in the `asset` zone open at their wall-clock time here. */
  zone: string;
  clusterId?: string | null;
  /** Parent hypervisor host of a VM. */
  hostId?: string | null;
  /** Windows this asset may be patched in (the caller has already applied window scopes). */
  windowIds: string[];
  excepted?: boolean;
  /** When the missing patch was detected (or published); the SLA runs from here. */
  detectedAt: string;
  /** Matched against blackout scopes; a criterion the target does not describe counts as matching. */
  tenantId?: string;
  applicationIds?: string[];
  tags?: string[];
};

export type TPlanInput = {
  changeId: string;
  patches: TPlanPatch[];
  targets: TPlanTarget[];
  windows: { id: string; def: TWindowDef }[];
  blackouts: TBlackout[];
  policy: TPolicy;
  /** The planning instant; nothing is scheduled before it. */
  now: string;
  /** How far ahead jobs may be placed; default 120, at most 400. */
  horizonDays?: number;
};

export type TPlanJob = { assetId: string; start: string; end: string; windowId: string };

/**
 * One ring's deployment; `index` is its position in execution order (0-based). `haltAfterFailures`
 * is the policy's error threshold resolved for this wave: the executor halts it at that many failed jobs.
 */
export type TWave = { ring: string; index: number; start: string; end: string; haltAfterFailures: number; jobs: TPlanJob[] };

export const UNSCHEDULABLE_REASONS = ['no_window_before_deadline', 'blackout', 'excepted', 'ring_gate', 'no_window'] as const;
/**
 * - `no_window`: no eligible window, unknown zone, no occurrence long enough for the job within the
 *   horizon, or (absolute mode) no instant shared with the rest of the ring;
 * - `blackout`: windows fit, but blackouts cover all of them within the horizon;
 * - `no_window_before_deadline`: windows exist, but ring order + soak, concurrency, cluster or host
 *   ordering leave no free slot before the horizon ends (the deadline is reported with it);
 * - `ring_gate`: the ring is not in the policy order, or an earlier ring cannot plan enough of its
 *   targets to pass its promotion gate;
 * - `excepted`: an approved exception excludes the asset.
 */
export type TUnschedulableReason = (typeof UNSCHEDULABLE_REASONS)[number];
export type TUnschedulable = { assetId: string; reason: TUnschedulableReason; detail: string; deadline: string };

/**
 * Why a scheduled job ends after the SLA deadline: its first usable window is already too late;
 * earlier rings and their soak push it too late; or limits (concurrency, cluster, VMs-before-host,
 * the shared instant of absolute mode) do.
 */
export type TAtRiskReason = 'window_after_deadline' | 'ring_order' | 'capacity';
export type TAtRisk = { assetId: string; deadline: string; start: string; end: string; reason: TAtRiskReason; detail: string };

export type TPlan = {
  changeId: string;
  plannedAt: string;
  horizonEnd: string;
  timeMode: TTimeMode;
  /** Length of every job: the sum of the patches' expected minutes. */
  jobMinutes: number;
  requiresReboot: boolean;
  waves: TWave[];
  unschedulable: TUnschedulable[];
  atRisk: TAtRisk[];
};
