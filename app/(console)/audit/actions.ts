'use server';
import { z } from 'zod';
import { verifyAuditChain } from '@/lib/audit/verify-audit';
import { authedAction } from '@/lib/auth/authed-action';

export const verifyChainAction = authedAction('audit:read', z.object({}), async (db) => verifyAuditChain(db));
