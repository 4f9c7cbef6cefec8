/** UTC display with the zone named, so a time is never ambiguous in a fleet spanning many zones. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value.includes('T') ? value : value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : value;
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The UTC calendar day of an instant (vendor dates carry no meaningful time of day). */
export function formatDate(value: string | Date | null | undefined): string {
  const t = formatDateTime(value);
  return t === '—' ? t : t.slice(0, 10);
}

export function formatRelative(value: Date | string | null | undefined, now = new Date()): string {
  if (!value) return 'never';
  const d = typeof value === 'string' ? new Date(value) : value;
  const mins = Math.round((now.getTime() - d.getTime()) / 60000);
  if (mins < 1) return 'just now';
  if (mins < 60) return `${mins} min ago`;
  const h = Math.round(mins / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
