'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { createBlackout, ZCreateBlackout } from '@/lib/scheduling/create-blackout';
import { createWindow, ZCreateWindow } from '@/lib/scheduling/create-window';
import { deleteBlackout, ZDeleteBlackout } from '@/lib/scheduling/delete-blackout';
import { deleteWindow, ZDeleteWindow } from '@/lib/scheduling/delete-window';
import { setWindowEnabled, ZSetWindowEnabled } from '@/lib/scheduling/set-window-enabled';
import { updateWindow, ZUpdateWindow } from '@/lib/scheduling/update-window';

export const createWindowAction = authedAction('window:write', ZCreateWindow, async (db, actor, input) => {
  const res = await createWindow(db, actor, input);
  revalidatePath('/windows');
  return res;
});

export const updateWindowAction = authedAction('window:write', ZUpdateWindow, async (db, actor, input) => {
  const res = await updateWindow(db, actor, input);
  revalidatePath('/windows');
  revalidatePath(`/windows/${input.windowId}`);
  return res;
});

export const setWindowEnabledAction = authedAction('window:write', ZSetWindowEnabled, async (db, actor, input) => {
  const res = await setWindowEnabled(db, actor, input);
  revalidatePath('/windows');
  return res;
});

export const deleteWindowAction = authedAction('window:write', ZDeleteWindow, async (db, actor, input) => {
  const res = await deleteWindow(db, actor, input);
  revalidatePath('/windows');
  return res;
});

export const createBlackoutAction = authedAction('window:write', ZCreateBlackout, async (db, actor, input) => {
  const res = await createBlackout(db, actor, input);
  revalidatePath('/windows');
  return res;
});

export const deleteBlackoutAction = authedAction('window:write', ZDeleteBlackout, async (db, actor, input) => {
  const res = await deleteBlackout(db, actor, input);
  revalidatePath('/windows');
  return res;
});
