'use server';
import { z } from 'zod';
import { verifyAuditForActor } from '@/lib/audit/verify-audit';
import { authedAction } from '@/lib/auth/authed-action';

export const verifyChainAction = authedAction('audit:read', z.object({}), async (db, actor) => verifyAuditForActor(db, actor));
