import { z } from 'zod';

/**
 * Where an advisory feed reads its documents from, shared by every feed connector:
 * files uploaded in the browser, a folder on the server (watched), or a URL polled every `pollMinutes`.
 */
export const ZAdvisoryFeedConfig = z.discriminatedUnion('source', [
  z.object({ source: z.literal('upload') }),
  z.object({
    source: z.literal('folder'),
    path: z.string().trim().min(1),
    pollMinutes: z.coerce.number().int().min(1).max(10_080).default(60),
  }),
  z.object({
    source: z.literal('url'),
    url: z.url({ protocol: /^https?$/ }),
    pollMinutes: z.coerce.number().int().min(5).max(10_080).default(360),
  }),
]);
export type TAdvisoryFeedConfig = z.infer<typeof ZAdvisoryFeedConfig>;

/** What every advisory-feed connector declares: its id, kind, display name and zod config schema. */
export type TAdvisoryFeedManifest<TConfig extends z.ZodType = typeof ZAdvisoryFeedConfig> = {
  readonly id: string;
  readonly kind: 'advisory-feed';
  readonly name: string;
  readonly description: string;
  readonly configSchema: TConfig;
};
