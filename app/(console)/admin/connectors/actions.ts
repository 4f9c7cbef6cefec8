'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { createConnector, ZCreateConnector } from '@/lib/changes/connector/create-connector';
import { deleteConnector, ZDeleteConnector } from '@/lib/changes/connector/delete-connector';
import { setConnectorEnabled, ZSetConnectorEnabled } from '@/lib/changes/connector/set-connector-enabled';

// Admins of the connector's tenant only: checked in each use-case (requireTenantAccess).

/** The secret is in this one answer, shown once by the form; nothing stores it client-side. */
export const createConnectorAction = authedAction('tenant:admin', ZCreateConnector, async (db, actor, input) => {
  const { connector, secret } = await createConnector(db, actor, input);
  revalidatePath('/admin/connectors');
  return { id: connector.id, name: connector.name, keyId: connector.keyId, secret };
});

export const setConnectorEnabledAction = authedAction('tenant:admin', ZSetConnectorEnabled, async (db, actor, input) => {
  const connector = await setConnectorEnabled(db, actor, input);
  revalidatePath('/admin/connectors');
  return { id: connector.id, isEnabled: connector.isEnabled };
});

export const deleteConnectorAction = authedAction('tenant:admin', ZDeleteConnector, async (db, actor, input) => {
  const res = await deleteConnector(db, actor, input);
  revalidatePath('/admin/connectors');
  return res;
});
