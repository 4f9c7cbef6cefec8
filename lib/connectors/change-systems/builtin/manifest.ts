import { z } from 'zod';
import type { TChangeSystemManifest } from '../types';

/** Nothing to configure: approvals happen in Patchward. */
export const ZBuiltinConfig = z.object({}).strict();
export type TBuiltinConfig = z.infer<typeof ZBuiltinConfig>;

export const manifest = {
  id: 'builtin',
  kind: 'change-system',
  name: 'Built-in CAB',
  description: 'The default: changes are approved in Patchward by the application owners, the CAB and security; nothing is sent out.',
  isExternal: false,
  configSchema: ZBuiltinConfig,
} as const satisfies TChangeSystemManifest<typeof ZBuiltinConfig>;
