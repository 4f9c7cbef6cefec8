/** A hand-written critical OSV record for one Debian 12 package (our own test data, for intake tests). */
export function criticalOsv(id: string, pkg: string, fixed: string, aliases: string[] = []) {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2026-03-01T00:00:00Z',
    published: '2026-03-01T00:00:00Z',
    aliases,
    summary: `${pkg} update`,
    affected: [{ package: { ecosystem: 'Debian:12', name: pkg }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    database_specific: { severity: 'CRITICAL' },
  });
}
