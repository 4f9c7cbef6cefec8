import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'cvrf',
  kind: 'advisory-feed',
  name: 'Microsoft CVRF',
  description: 'Microsoft MSRC CVRF 1.1 monthly and out-of-band documents, one patch per KB article.',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
