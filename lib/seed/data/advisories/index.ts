import { DEBIAN_ADVISORIES } from './catalog-debian';
import { RPM_ADVISORIES } from './catalog-rpm';
import { buildCsafDocument } from './csaf';
import { DEMO_KEV_CATALOG } from './kev';
import { buildOsvRecord } from './osv';
import type { TDemoAdvisory, TDemoAdvisoryFile } from './types';

export type { TDemoAdvisory, TDemoAdvisoryFile } from './types';
export { DEMO_KEV_CATALOG } from './kev';

/** Every demo advisory, Debian first, in publication order within each distribution. */
export const DEMO_ADVISORIES: readonly TDemoAdvisory[] = [...DEBIAN_ADVISORIES, ...RPM_ADVISORIES];

/**
 * The demo advisory feed as files in real vendor formats: one OSV 1.6 JSON record per OSV
 * advisory (`osv/DSA-DEMO-6034-1.json`), one CSAF 2.0 document per CSAF advisory
 * (`csaf/alsa-demo-2026_8754.json`, named like Red Hat's files) and the KEV catalog
 * (`kev/known_exploited_vulnerabilities.json`). Pure: the same text on every call.
 */
export function demoAdvisoryFiles(): TDemoAdvisoryFile[] {
  const files: TDemoAdvisoryFile[] = DEMO_ADVISORIES.map((a) =>
    a.format === 'osv'
      ? { filename: `osv/${a.id.replace(':', '-')}.json`, text: json(buildOsvRecord(a)), format: 'osv' as const }
      : { filename: `csaf/${a.id.toLowerCase().replace(':', '_')}.json`, text: json(buildCsafDocument(a)), format: 'csaf' as const },
  );
  files.push({ filename: 'kev/known_exploited_vulnerabilities.json', text: json(DEMO_KEV_CATALOG), format: 'kev' });
  return files;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
