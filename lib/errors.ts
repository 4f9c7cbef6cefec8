import type { z } from 'zod';

/**
 * The one error style of use-cases: `throw new AppError(code, userMessage)`. Actions turn it into
 * `{ ok: false, code, message }`, route handlers into an HTTP status with a JSON body.
 */
export const ERROR_STATUS = {
  /** No valid session or token. */
  UNAUTHENTICATED: 401,
  /** Signed in, but the role or tenant does not allow this. */
  FORBIDDEN: 403,
  /** Missing, or outside the actor's tenants (indistinguishable on purpose). */
  NOT_FOUND: 404,
  /** Input failed validation; nothing was written. */
  VALIDATION: 400,
  /** A uniqueness rule or a concurrent change refused the write. */
  CONFLICT: 409,
  /** Upload over the size limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** A body in a content type the route does not read (a JSON route sent a form or text). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export type TIssue = { line?: number; field?: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly issues: TIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type TActionResult<T> = { ok: true; data: T } | { ok: false; code: TErrorCode; message: string; issues?: TIssue[] };

/** Turns any thrown value into the action result shape; unexpected errors are logged, shown generically. */
export function toFailure(err: unknown, context: string): Extract<TActionResult<never>, { ok: false }> {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, issues: err.issues.length ? err.issues : undefined };
  console.error(`[patchward] unexpected error in ${context}:`, err);
  return { ok: false, code: 'INTERNAL', message: 'Something went wrong. The error was logged; nothing was changed.' };
}

/** Maps zod issues to our issue shape, with the field path joined by dots. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): TIssue[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || undefined, message: i.message }));
}

/**
 * The one validation path of use-cases: parses `raw` with `schema`, or throws
 * `AppError('VALIDATION', <first issue's message>, issues)` — never a bare zod error (a 500).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, fallbackMessage = 'Invalid input.'): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error.issues);
  throw new AppError('VALIDATION', issues[0]?.message ?? fallbackMessage, issues);
}

/** Refuses an upload over the limit before anything is parsed or written. */
export function assertUploadSize(bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB.`);
  }
}
