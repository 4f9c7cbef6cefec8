import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'osv',
  kind: 'advisory-feed',
  name: 'OSV records',
  description:
    'OSV records in JSON or YAML: distributions (AlmaLinux, Rocky, Red Hat, Debian, Ubuntu, SUSE, Alpine) and language ecosystems (GHSA, PyPA, Go, RustSec).',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
