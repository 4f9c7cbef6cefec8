/** Debian codenames -> release numbers (distro-info-data); 'sid'/'experimental' have no release and are skipped. */
export const DEBIAN_RELEASES: Record<string, string> = {
  hamm: '2.0',
  slink: '2.1',
  potato: '2.2',
  woody: '3.0',
  sarge: '3.1',
  etch: '4',
  lenny: '5',
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  duke: '15',
};

/** 'bookworm' -> 'Debian:12'; null for unknown or unreleased codenames. */
export function debianDistro(codename: string): string | null {
  const n = DEBIAN_RELEASES[codename.trim().toLowerCase()];
  return n ? `Debian:${n}` : null;
}
