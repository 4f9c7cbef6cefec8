import 'server-only';
import { AppError, ERROR_STATUS, toFailure } from '@/lib/errors';
import type { TActor } from './permissions';
import { getActor } from './session';

/** JSON error body with the status of the AppError code; unexpected errors are logged and generic. */
export function errorResponse(err: unknown, context: string): Response {
  const failure = toFailure(err, context);
  return Response.json({ error: { code: failure.code, message: failure.message, issues: failure.issues } }, { status: ERROR_STATUS[failure.code] });
}

/** Route handler wrapper for session-authenticated API routes: 401 JSON for anonymous callers. */
export function withActor<C>(context: string, fn: (actor: TActor, req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send a valid token.');
      return await fn(actor, req, ctx);
    } catch (err) {
      return errorResponse(err, context);
    }
  };
}
