'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { addCabMember, removeCabMember, ZCabMember } from '@/lib/tracking/cab-members';
import { createResolverGroup, ZCreateResolverGroup } from '@/lib/tracking/create-resolver-group';
import { deleteResolverGroup, ZDeleteResolverGroup } from '@/lib/tracking/delete-resolver-group';
import { renameResolverGroup, ZRenameResolverGroup } from '@/lib/tracking/rename-resolver-group';
import { addResolverMember, removeResolverMember, ZResolverMember } from '@/lib/tracking/resolver-members';

const done = <R>(res: R) => {
  revalidatePath('/admin/resolvers');
  return res;
};

export const createResolverGroupAction = authedAction('tenant:admin', ZCreateResolverGroup, async (db, actor, input) =>
  done(await createResolverGroup(db, actor, input)),
);
export const renameResolverGroupAction = authedAction('tenant:admin', ZRenameResolverGroup, async (db, actor, input) =>
  done(await renameResolverGroup(db, actor, input)),
);
export const deleteResolverGroupAction = authedAction('tenant:admin', ZDeleteResolverGroup, async (db, actor, input) =>
  done(await deleteResolverGroup(db, actor, input)),
);
export const addResolverMemberAction = authedAction('tenant:admin', ZResolverMember, async (db, actor, input) =>
  done(await addResolverMember(db, actor, input)),
);
export const removeResolverMemberAction = authedAction('tenant:admin', ZResolverMember, async (db, actor, input) =>
  done(await removeResolverMember(db, actor, input)),
);
export const addCabMemberAction = authedAction('tenant:admin', ZCabMember, async (db, actor, input) => done(await addCabMember(db, actor, input)));
export const removeCabMemberAction = authedAction('tenant:admin', ZCabMember, async (db, actor, input) => done(await removeCabMember(db, actor, input)));
