import 'server-only';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { AppError, assertUploadSize, ERROR_STATUS, parseInput, toFailure } from '@/lib/errors';
import { getDb } from '@/lib/runtime/db';
import { can, type TActor, type TPermission } from './permissions';
import { getActor } from './session';

/** JSON error body with the status of the AppError code; unexpected errors are logged and generic. */
export function errorResponse(err: unknown, context: string): Response {
  const failure = toFailure(err, context);
  return Response.json({ error: { code: failure.code, message: failure.message, issues: failure.issues } }, { status: ERROR_STATUS[failure.code] });
}

/** A JSON object body whose fields the use-case validates itself (with the path's ids merged in). */
export const ZJsonObject = z.record(z.string(), z.unknown(), { error: 'Send a JSON object.' });
/** The `[id]` segment of a route: anything but a uuid names nothing. */
export const ZIdParams = z.object({ id: z.string().uuid() });

type TRouteSpec<P, Q, B> = {
  /** "POST /api/v1/assets": names the route in logs. */
  route: string;
  /** Held in some tenant, checked before the request is read; tenant and object checks stay in the use-case. */
  permission?: TPermission;
  /** Path segments; one that fails (a malformed id) is NOT_FOUND, as an id that does not exist. */
  params?: z.ZodType<P>;
  /** The query string (one value per name); a failure is VALIDATION with the issues. */
  query?: z.ZodType<Q>;
  /**
   * A JSON body. Session routes require `Content-Type: application/json`, which a cross-site HTML form
   * cannot send. A body that is not JSON, or of the wrong shape, is VALIDATION; nothing is written.
   */
  body?: z.ZodType<B>;
  /** Upload limit, checked on the declared length before the body is read (413). */
  maxBytes?: () => number;
  /** Status of a successful JSON answer (201 for a create). */
  status?: number;
};

export type TRouteInput<P, Q, B> = { db: TDb; params: P; query: Q; body: B; req: Request };
type TRouteContext = { params?: Promise<Record<string, string | string[]>> };
type TResult = Response | object;

/** Parses the pieces of a request the spec names, in order: params → query → body. */
async function readRequest<P, Q, B>(spec: TRouteSpec<P, Q, B>, req: Request, ctx: TRouteContext | undefined, requireJsonType: boolean) {
  if (spec.maxBytes) assertUploadSize(Number(req.headers.get('content-length') ?? 0), spec.maxBytes());
  let params = undefined as P;
  if (spec.params) {
    const parsed = spec.params.safeParse((await ctx?.params) ?? {});
    if (!parsed.success) throw new AppError('NOT_FOUND', 'Not found.');
    params = parsed.data;
  }
  const query = (spec.query ? parseInput(spec.query, Object.fromEntries(new URL(req.url).searchParams), 'Invalid query string.') : undefined) as Q;
  let body = undefined as B;
  if (spec.body) {
    const type = (req.headers.get('content-type') ?? '').toLowerCase();
    if (requireJsonType && !type.startsWith('application/json'))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body (Content-Type: application/json).');
    const json: unknown = await req.json().catch(() => {
      throw new AppError('VALIDATION', 'The body must be JSON.');
    });
    body = parseInput(spec.body, json, 'Invalid request body.');
  }
  return { params, query, body };
}

const answer = (result: TResult, status = 200): Response => (result instanceof Response ? result : Response.json(result, { status }));

/**
 * The one shape of a session-authenticated route handler, like `authedAction` for server actions:
 * signed in (401) → holds `permission` (403) → params, query and body valid (404/400/415) → one
 * use-case → JSON (or the Response it returns). Every error is `{ error: { code, message, issues } }`.
 */
export function apiRoute<P = undefined, Q = undefined, B = undefined>(
  spec: TRouteSpec<P, Q, B>,
  fn: (actor: TActor, input: TRouteInput<P, Q, B>) => Promise<TResult>,
) {
  return async (req: Request, ctx?: TRouteContext): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send a valid token.');
      if (spec.permission && !can(actor, spec.permission)) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      const parts = await readRequest(spec, req, ctx, true);
      return answer(await fn(actor, { db: await getDb(), req, ...parts }), spec.status);
    } catch (err) {
      return errorResponse(err, spec.route);
    }
  };
}

/**
 * A route without a session: health (no credential), agents (a bearer token that `credential` reads
 * before anything else and the use-case checks). The same parsing and error shape as `apiRoute`. Any
 * body content type is read as JSON: agents post with curl defaults, and a bearer token is no ambient
 * credential a cross-site form could use.
 */
export function publicApiRoute<T = null, P = undefined, Q = undefined, B = undefined>(
  spec: Omit<TRouteSpec<P, Q, B>, 'permission'> & { credential?: (req: Request) => T },
  fn: (credential: T, input: TRouteInput<P, Q, B>) => Promise<TResult>,
) {
  return async (req: Request, ctx?: TRouteContext): Promise<Response> => {
    try {
      const credential = (spec.credential ? spec.credential(req) : null) as T;
      const parts = await readRequest(spec, req, ctx, false);
      return answer(await fn(credential, { db: await getDb(), req, ...parts }), spec.status);
    } catch (err) {
      return errorResponse(err, spec.route);
    }
  };
}
