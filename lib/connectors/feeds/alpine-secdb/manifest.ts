import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'alpine-secdb',
  kind: 'advisory-feed',
  name: 'Alpine secdb',
  description: 'Alpine Linux secdb (secdb.alpinelinux.org), one patch per fixing package release.',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
