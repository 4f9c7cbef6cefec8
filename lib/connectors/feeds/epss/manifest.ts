import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'epss',
  kind: 'advisory-feed',
  name: 'EPSS scores',
  description: 'FIRST EPSS scores (CSV): probability that a CVE is exploited in the next 30 days.',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
