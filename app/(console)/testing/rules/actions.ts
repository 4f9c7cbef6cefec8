'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { createAutoApprovalRule, ZCreateAutoApprovalRule } from '@/lib/authorisation/create-auto-approval-rule';
import { setAutoApprovalRuleEnabled, ZSetAutoApprovalRuleEnabled } from '@/lib/authorisation/set-auto-approval-rule-enabled';

export const createRuleAction = authedAction('policy:write', ZCreateAutoApprovalRule, async (db, actor, input) => {
  const res = await createAutoApprovalRule(db, actor, input);
  revalidatePath('/testing/rules');
  return res;
});

export const setRuleEnabledAction = authedAction('policy:write', ZSetAutoApprovalRuleEnabled, async (db, actor, input) => {
  const res = await setAutoApprovalRuleEnabled(db, actor, input);
  revalidatePath('/testing/rules');
  return res;
});
