'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { savePolicy, ZSavePolicy } from '@/lib/scheduling/save-policy';

export const savePolicyAction = authedAction('policy:write', ZSavePolicy, async (db, actor, input) => {
  const res = await savePolicy(db, actor, input);
  revalidatePath('/settings');
  return res;
});
