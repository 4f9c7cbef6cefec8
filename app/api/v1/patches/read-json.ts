import type { z } from 'zod';
import { AppError, zodIssues } from '@/lib/errors';

/**
 * The JSON object body of a decision route. Requiring the JSON content type keeps a cross-site HTML
 * form (which can only send form or text bodies) from reaching these state-changing routes.
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) throw new AppError('VALIDATION', 'Send a JSON body (Content-Type: application/json).');
  const body: unknown = await req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION', 'Send a JSON object.');
  return body as Record<string, unknown>;
}

/** Validates a route body like an action's input: VALIDATION with the issues, never a half-parsed value. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    throw new AppError('VALIDATION', issues[0]?.message ?? 'Invalid request body.', issues);
  }
  return parsed.data;
}
