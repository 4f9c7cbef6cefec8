'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { removeContact, ZRemoveContact } from '@/lib/contacts/remove-contact';
import { addContact, editContact, ZAddContact, ZEditContact } from '@/lib/contacts/save-contact';

const done = <R>(res: R) => {
  revalidatePath('/admin/contacts');
  return res;
};

export const addContactAction = authedAction('tenant:admin', ZAddContact, async (db, actor, input) => done(await addContact(db, actor, input)));
export const editContactAction = authedAction('tenant:admin', ZEditContact, async (db, actor, input) => done(await editContact(db, actor, input)));
export const removeContactAction = authedAction('tenant:admin', ZRemoveContact, async (db, actor, input) => done(await removeContact(db, actor, input)));
