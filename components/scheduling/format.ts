import type { TRecurrence, TScope, TWindowDef } from '@/lib/domain/windows';

const DAY_NAME = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' } as const;
const NTH = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', [-1]: 'last' } as Record<number, string>;

/** "Every Tue, Thu", "Last Fri of the month", "Patch Tuesday + 3 days", "Every 14 days from 2026-01-04". */
export function describeRecurrence(r: TRecurrence): string {
  switch (r.kind) {
    case 'weekly':
      return r.days.length === 7 ? 'Every day' : `Every ${r.days.map((d) => DAY_NAME[d]).join(', ')}`;
    case 'monthlyNth':
      return `${NTH[r.nth][0].toUpperCase()}${NTH[r.nth].slice(1)} ${DAY_NAME[r.weekday]} of the month`;
    case 'patchTuesdayOffset':
      return r.offsetDays === 0
        ? 'Patch Tuesday'
        : `Patch Tuesday ${r.offsetDays > 0 ? '+' : '−'} ${Math.abs(r.offsetDays)} day${Math.abs(r.offsetDays) === 1 ? '' : 's'}`;
    case 'everyNDays':
      return r.interval === 1 ? `Every day (from ${r.anchor})` : `Every ${r.interval} days from ${r.anchor}`;
  }
}

export function describeDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function describeZone(def: Pick<TWindowDef, 'zone'>): string {
  return def.zone === 'asset' ? "each asset's own zone" : def.zone;
}

/** "Whole tenant", or the criteria that narrow the scope. */
export function describeScope(scope: TScope, appName: (id: string) => string = (id) => id.slice(0, 8)): string {
  const parts: string[] = [];
  if (scope.rings?.length) parts.push(`ring ${scope.rings.join(', ')}`);
  if (scope.applicationIds?.length) parts.push(`app ${scope.applicationIds.map(appName).join(', ')}`);
  if (scope.assetTags?.length) parts.push(`tag ${scope.assetTags.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'Whole tenant';
}

/** A number field's text as typed: '' or junk becomes NaN, so the server names the field instead of reading 0. */
export const typedNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** The text a number field shows: NaN (a field left empty or invalid) shows as empty. */
export const numberText = (n: number): string => (Number.isNaN(n) ? '' : String(n));
