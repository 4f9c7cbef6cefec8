'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { createCalendarToken, revokeCalendarToken, ZRevokeCalendarToken } from '@/lib/changes/calendar-tokens';
import { generateChanges, ZGenerateChanges } from '@/lib/changes/generate-changes';
import {
  addChangeComment,
  cancelChange,
  closeChange,
  expediteChange,
  recordOutcome,
  resubmitChange,
  scheduleChange,
  startChange,
  ZChangeComment,
  ZRecordOutcome,
} from '@/lib/changes/transition-change';
import { approveChange, rejectChange } from '@/lib/changes/vote-change';
import { ZChangeAction, ZChangeReasoned } from '@/lib/changes/change-write';
import { replanChange } from '@/lib/changes/replan-change';

// Each action names the least permission that can ever use it; the tenant, the capacity (owner of a
// touched application, CAB, security), separation of duty and the expected version are the use-case's.
const refresh = <T>(changeId: string, res: T) => {
  revalidatePath(`/changes/${changeId}`);
  revalidatePath('/changes');
  return res;
};

export const generateChangesAction = authedAction('change:request', ZGenerateChanges, async (db, actor, input) => {
  const res = await generateChanges(db, actor, input);
  revalidatePath('/changes');
  return { created: res.created.length, authorisedPatches: res.authorisedPatches };
});

export const approveChangeAction = authedAction('change:read', ZChangeAction, async (db, actor, input) =>
  refresh(input.changeId, await approveChange(db, actor, input)),
);
export const rejectChangeAction = authedAction('change:read', ZChangeReasoned, async (db, actor, input) =>
  refresh(input.changeId, await rejectChange(db, actor, input)),
);
export const resubmitChangeAction = authedAction('change:request', ZChangeAction, async (db, actor, input) =>
  refresh(input.changeId, await resubmitChange(db, actor, input)),
);
export const replanChangeAction = authedAction('change:operate', ZChangeAction, async (db, actor, input) =>
  refresh(input.changeId, await replanChange(db, actor, input)),
);
export const scheduleChangeAction = authedAction('change:operate', ZChangeAction, async (db, actor, input) =>
  refresh(input.changeId, await scheduleChange(db, actor, input)),
);
export const expediteChangeAction = authedAction('change:operate', ZChangeReasoned, async (db, actor, input) =>
  refresh(input.changeId, await expediteChange(db, actor, input)),
);
export const cancelChangeAction = authedAction('change:operate', ZChangeReasoned, async (db, actor, input) =>
  refresh(input.changeId, await cancelChange(db, actor, input)),
);
export const startChangeAction = authedAction('change:operate', ZChangeAction, async (db, actor, input) =>
  refresh(input.changeId, await startChange(db, actor, input)),
);
export const recordOutcomeAction = authedAction('change:operate', ZRecordOutcome, async (db, actor, input) =>
  refresh(input.changeId, await recordOutcome(db, actor, input)),
);
export const closeChangeAction = authedAction('change:operate', ZChangeAction, async (db, actor, input) =>
  refresh(input.changeId, await closeChange(db, actor, input)),
);
export const addChangeCommentAction = authedAction('change:comment', ZChangeComment, async (db, actor, input) =>
  refresh(input.changeId, await addChangeComment(db, actor, input)),
);

export const createCalendarTokenAction = authedAction('change:read', z.object({}), async (db, actor) => {
  const res = await createCalendarToken(db, actor);
  revalidatePath('/changes/calendar');
  return res;
});
export const revokeCalendarTokenAction = authedAction('change:read', ZRevokeCalendarToken, async (db, actor, input) => {
  const res = await revokeCalendarToken(db, actor, input);
  revalidatePath('/changes/calendar');
  return res;
});
