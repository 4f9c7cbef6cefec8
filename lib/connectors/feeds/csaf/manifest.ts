import { ZAdvisoryFeedConfig, type TAdvisoryFeedManifest } from '../feed-config';

export const manifest = {
  id: 'csaf',
  kind: 'advisory-feed',
  name: 'CSAF 2.0 advisories',
  description: 'Vendor CSAF 2.0 documents (Red Hat, Microsoft, Siemens, Cisco, CISA ICS): security advisories and VEX.',
  configSchema: ZAdvisoryFeedConfig,
} as const satisfies TAdvisoryFeedManifest;
