import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'debian-tracker',
  kind: 'advisory-feed',
  name: 'Debian security tracker',
  description: 'Debian security tracker data: the tracker JSON export (per CVE) and the DSA/DLA lists (per advisory).',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
