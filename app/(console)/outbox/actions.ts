'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { markNotificationsRead, ZMarkNotificationsRead } from '@/lib/notifications/mark-read';

// Every role reads patches; whose notifications may be marked is the use-case's rule (the actor's own).
export const markNotificationsReadAction = authedAction('patch:read', ZMarkNotificationsRead, async (db, actor, input) => {
  const res = await markNotificationsRead(db, actor, input);
  revalidatePath('/outbox');
  return res;
});
