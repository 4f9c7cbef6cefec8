import { isValidZone, toInstant } from '../time';
import { occurrenceSpans, scopeMatches, subtractSpans, windowZone, type TBlackout, type TSpan, type TWindowDef } from '../windows';
import type { TPlanTarget, TUnschedulableReason } from './types';

/**
 * Targets that see the same windows in the same zones under the same blackouts form a group; its
 * window occurrences are computed once. Times here are whole minutes since the plan's origin
 * (`now` rounded up to the minute), half-open.
 */

/** A usable stretch of one window occurrence (blackouts removed), at least one job long. */
export type TPiece = { s: number; e: number; w: string };

export type TGroup = {
  key: string;
  /** Sorted by start, end, window id. */
  pieces: TPiece[];
  status: 'ok' | Extract<TUnschedulableReason, 'no_window' | 'blackout'>;
  detail: string;
  /**
   * Per-ring search state (local mode): no start before `cursor` fits; pieces before `live` are spent;
   * no start at or after `deadFrom` fits.
   */
  cursor: number;
  live: number;
  deadFrom: number;
};

export type TClock = { originMs: number; horizon: number; jobMinutes: number };

export const MINUTE_MS = 60_000;
export const minuteToIso = (clock: TClock, m: number) => toInstant(clock.originMs + m * MINUTE_MS);

type TCut = TSpan & { name: string };

export class GroupIndex {
  private readonly groups = new Map<string, TGroup>();
  private readonly occCache = new Map<string, TSpan[]>();
  private readonly windowKeyCache = new Map<string, string[]>();
  private readonly cuts: TCut[];

  constructor(
    private readonly clock: TClock,
    private readonly windows: ReadonlyMap<string, TWindowDef>,
    private readonly blackouts: readonly TBlackout[],
  ) {
    // Blackouts rounded outwards to whole minutes: never shorter than declared.
    this.cuts = blackouts.map((b) => ({
      start: Math.floor((Date.parse(b.startsAt) - clock.originMs) / MINUTE_MS),
      end: Math.ceil((Date.parse(b.endsAt) - clock.originMs) / MINUTE_MS),
      name: b.name,
    }));
  }

  /** The group of a target (created on first sight). */
  groupOf(t: TPlanTarget): TGroup {
    const rawKey = t.windowIds.join('\u0001');
    let ids = this.windowKeyCache.get(rawKey);
    if (!ids) {
      ids = [...new Set(t.windowIds)].filter((id) => this.windows.has(id)).sort();
      this.windowKeyCache.set(rawKey, ids);
    }
    const usesAssetZone = ids.some((id) => this.windows.get(id)?.zone === 'asset');
    let blackoutKey = '';
    for (let i = 0; i < this.blackouts.length; i++) {
      if (scopeMatches(this.blackouts[i].scope, { tenantId: t.tenantId, applicationIds: t.applicationIds, ring: t.ring, tags: t.tags })) blackoutKey += `${i},`;
    }
    const zone = usesAssetZone ? t.zone : '';
    // Unknown window ids alone give a different explanation than no window ids at all.
    const unknownOnly = ids.length === 0 && t.windowIds.length > 0 ? '?' : '';
    const key = `${ids.join(',')}${unknownOnly}|${zone}|${blackoutKey}`;
    let g = this.groups.get(key);
    if (!g) {
      g = this.build(key, ids, t.zone, blackoutKey, t.windowIds.length > 0);
      this.groups.set(key, g);
    }
    return g;
  }

  /** Resets the per-ring search state of every group. */
  resetCursors(): void {
    for (const g of this.groups.values()) {
      g.cursor = 0;
      g.live = 0;
      g.deadFrom = Number.POSITIVE_INFINITY;
    }
  }

  private spans(windowId: string, def: TWindowDef, zone: string): TSpan[] {
    const k = `${windowId}\u0000${zone}`;
    let spans = this.occCache.get(k);
    if (!spans) {
      const { originMs, horizon } = this.clock;
      spans = occurrenceSpans(def, zone, originMs, originMs + horizon * MINUTE_MS).map((o) => ({
        start: Math.max(0, Math.ceil((o.start - originMs) / MINUTE_MS)),
        end: Math.min(horizon, Math.floor((o.end - originMs) / MINUTE_MS)),
      }));
      this.occCache.set(k, spans);
    }
    return spans;
  }

  private build(key: string, ids: string[], assetZone: string, blackoutKey: string, hadWindowIds: boolean): TGroup {
    const D = this.clock.jobMinutes;
    const group: TGroup = { key, pieces: [], status: 'ok', detail: '', cursor: 0, live: 0, deadFrom: Number.POSITIVE_INFINITY };
    if (ids.length === 0) {
      group.status = 'no_window';
      group.detail = hadWindowIds ? 'None of its window ids names a known maintenance window.' : 'No maintenance window is assigned to this asset.';
      return group;
    }
    const cuts =
      blackoutKey === ''
        ? []
        : blackoutKey
            .slice(0, -1)
            .split(',')
            .map((i) => this.cuts[Number(i)]);
    const badZones = new Set<string>();
    let fitting = 0;
    const usedCuts = new Set<string>();
    for (const id of ids) {
      const def = this.windows.get(id) as TWindowDef;
      const zone = windowZone(def, assetZone);
      if (!isValidZone(zone)) {
        badZones.add(zone);
        continue;
      }
      for (const span of this.spans(id, def, zone)) {
        if (span.end - span.start < D) continue;
        fitting++;
        const kept = subtractSpans(span, cuts, D);
        if (kept.length !== 1 || kept[0].start !== span.start || kept[0].end !== span.end) {
          for (const c of cuts) if (c.start < span.end && c.end > span.start) usedCuts.add(c.name);
        }
        for (const p of kept) group.pieces.push({ s: p.start, e: p.end, w: id });
      }
    }
    group.pieces.sort((a, b) => a.s - b.s || a.e - b.e || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
    if (group.pieces.length > 0) return group;
    if (fitting === 0) {
      group.status = 'no_window';
      group.detail =
        badZones.size > 0 && badZones.size === ids.length
          ? `Unknown time zone ${[...badZones].map((z) => `"${z}"`).join(', ')}.`
          : `No occurrence of its windows (${ids.join(', ')}) lasts ${D} minutes or more before the planning horizon ${minuteToIso(this.clock, this.clock.horizon)}.`;
    } else {
      group.status = 'blackout';
      group.detail = `Blackouts (${[...usedCuts].sort().join(', ')}) cover every occurrence of its windows long enough for the ${D}-minute job before the planning horizon.`;
    }
    return group;
  }
}

/** First start ≥ `from` that the group's windows allow, ignoring every limit; -1 when none. */
export function firstOpenStart(g: TGroup, from: number, jobMinutes: number): number {
  let best = -1;
  for (const p of g.pieces) {
    if (best >= 0 && p.s >= best) break;
    const t = Math.max(p.s, from);
    if (t + jobMinutes <= p.e && (best < 0 || t < best)) best = t;
  }
  return best;
}
