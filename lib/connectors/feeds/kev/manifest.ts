import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'kev',
  kind: 'advisory-feed',
  name: 'CISA KEV catalog',
  description: 'CISA Known Exploited Vulnerabilities catalog: flags patches whose CVEs are exploited, with CISA due dates.',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
