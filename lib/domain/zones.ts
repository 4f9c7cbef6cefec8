/**
 * IANA zone validation. `Intl.supportedValuesOf` lists canonical zones only, so links such as
 * `US/Eastern` or `Asia/Calcutta` are accepted when the runtime resolves them; offsets like
 * `+05:00` or abbreviations like `EST` are not IANA names and are refused.
 */
export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone) || zone === 'EST' || zone === 'MST' || zone === 'HST') {
    return zone === 'UTC';
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
