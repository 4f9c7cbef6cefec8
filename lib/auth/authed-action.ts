import 'server-only';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { getDb } from '@/lib/runtime/db';
import { AppError, parseInput, toFailure, type TActionResult } from '@/lib/errors';
import { can, type TActor, type TPermission } from './permissions';
import { getActor } from './session';

/**
 * The one shape of a server action: signed in → holds `permission` in some tenant → input valid →
 * one use-case. Tenant and object checks stay in the use-case. Never throws to the client.
 */
export function authedAction<S extends z.ZodType, R>(permission: TPermission, schema: S, fn: (db: TDb, actor: TActor, input: z.infer<S>) => Promise<R>) {
  return async (input: unknown): Promise<TActionResult<R>> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
      if (!can(actor, permission)) throw new AppError('FORBIDDEN', 'Your role does not allow this action.');
      return { ok: true, data: await fn(await getDb(), actor, parseInput(schema, input)) };
    } catch (err) {
      return toFailure(err, `action requiring ${permission}`);
    }
  };
}
