import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** The largest callback body read; a bigger one is refused (413) before anything is parsed. */
export const CALLBACK_MAX_BYTES = 64 * 1024;

export const CALLBACK_ACTIONS = ['approve', 'reject', 'implementation_window'] as const;
export type TCallbackAction = (typeof CALLBACK_ACTIONS)[number];

const ZInstant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T22:00:00Z' });

/**
 * A signed callback's body. `changeId` is any short string: one that names no change of the
 * connector's tenant (a malformed id included) is answered 404, like every unknown change.
 */
export const ZCallbackBody = z
  .object({
    changeId: z.string().min(1).max(100),
    action: z.enum(CALLBACK_ACTIONS),
    note: z.string().trim().max(2000).optional(),
    start: ZInstant.optional(),
    end: ZInstant.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.action !== 'implementation_window') return;
    if (!b.start) ctx.addIssue({ code: 'custom', path: ['start'], message: 'An implementation window needs a start.' });
    if (!b.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'An implementation window needs an end.' });
    if (b.start && b.end && Date.parse(b.end) <= Date.parse(b.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'The window must end after it starts.' });
  });
export type TCallbackBody = z.infer<typeof ZCallbackBody>;

/**
 * Reads a request body as text, refusing one over `maxBytes` (413) from its declared length, or while
 * reading when it declares none: the signature is over the exact bytes, so the route reads them itself.
 */
export async function readBodyCapped(req: Request, maxBytes = CALLBACK_MAX_BYTES): Promise<string> {
  const tooLarge = () => {
    console.warn(`[patchward] change callback refused: body over ${maxBytes / 1024} KiB`);
    return new AppError('PAYLOAD_TOO_LARGE', `The body is over ${maxBytes / 1024} KiB.`);
  };
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
