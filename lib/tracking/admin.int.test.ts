import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, cabMembers, resolverGroupMembers, resolverGroups, tenantContacts } from '@/db/schema';
import { addContact, editContact } from '@/lib/contacts/save-contact';
import { findContacts, ZContactListQuery } from '@/lib/contacts/queries';
import { removeContact } from '@/lib/contacts/remove-contact';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { findCabMembers, findResolverGroups, ZCabListQuery, ZGroupListQuery } from './admin-queries';
import { addCabMember, removeCabMember } from './cab-members';
import { createResolverGroup } from './create-resolver-group';
import { deleteResolverGroup } from './delete-resolver-group';
import { renameResolverGroup } from './rename-resolver-group';
import { addResolverMember, removeResolverMember } from './resolver-members';

describeDb('resolver groups, CAB and contacts are a tenant admin’s', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  const counts = async () => {
    const { db } = get();
    const n = async (t: typeof auditLog | typeof resolverGroups | typeof resolverGroupMembers | typeof cabMembers | typeof tenantContacts) =>
      (await db.select().from(t)).length;
    return [await n(auditLog), await n(resolverGroups), await n(resolverGroupMembers), await n(cabMembers), await n(tenantContacts)];
  };
  beforeAll(async () => {
    fx = await seedFixture(get().db, { singleTenantSecurity: true });
  });

  it('creates a group for an application with its owner by default, renames it, adds and removes members, deletes it', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const { id, memberIds } = await createResolverGroup(db, admin, { tenantId: fx.alpha.id, applicationId: fx.apps.shop.id, name: 'Shop team' });
    expect(memberIds).toEqual([fx.uid('owner-a@t')]);
    await addResolverMember(db, admin, { tenantId: fx.alpha.id, groupId: id, userId: fx.uid('operator@t') });
    await expect(addResolverMember(db, admin, { tenantId: fx.alpha.id, groupId: id, userId: fx.uid('operator@t') })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // owner-b holds no role in alpha: refused, whatever exists elsewhere.
    await expect(addResolverMember(db, admin, { tenantId: fx.alpha.id, groupId: id, userId: fx.uid('owner-b@t') })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(createResolverGroup(db, admin, { tenantId: fx.alpha.id, applicationId: fx.apps.shop.id, name: 'Other' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await renameResolverGroup(db, admin, { tenantId: fx.alpha.id, groupId: id, name: 'Shop resolvers' });
    await removeResolverMember(db, admin, { tenantId: fx.alpha.id, groupId: id, userId: fx.uid('operator@t') });
    const members = await db.select().from(resolverGroupMembers).where(eq(resolverGroupMembers.groupId, id));
    expect(members.map((m) => m.userId)).toEqual([fx.uid('owner-a@t')]);
    const [g] = await db.select().from(resolverGroups).where(eq(resolverGroups.id, id));
    expect(g.name).toBe('Shop resolvers');
    await deleteResolverGroup(db, admin, { tenantId: fx.alpha.id, groupId: id });
    expect(await db.select().from(resolverGroups).where(eq(resolverGroups.id, id))).toHaveLength(0);
    const trail = await db.select({ action: auditLog.action }).from(auditLog);
    expect(trail.map((t) => t.action)).toEqual(
      expect.arrayContaining([
        'resolver_group.create',
        'resolver_group.rename',
        'resolver_group.member_add',
        'resolver_group.member_remove',
        'resolver_group.delete',
      ]),
    );
  });

  it('refuses other roles (FORBIDDEN) and foreign tenants (NOT_FOUND), writing nothing', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const { id: groupId } = await createResolverGroup(db, admin, { tenantId: fx.beta.id, applicationId: fx.apps.ledger.id, name: 'Ledger team' });
    const before = await counts();
    const security = await fx.actor('sec-a1@t');
    const owner = await fx.actor('owner-a@t');
    const forbidden = [
      createResolverGroup(db, security, { tenantId: fx.alpha.id, applicationId: fx.apps.crm.id, name: 'CRM team' }),
      addCabMember(db, owner, { tenantId: fx.alpha.id, userId: fx.uid('sec-a1@t') }),
      addContact(db, security, { tenantId: fx.alpha.id, name: 'Ann Customer', email: 'ann@example.com' }),
    ];
    for (const p of forbidden) await expect(p).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // sec-a1 and owner-a hold no role in beta: its group, CAB and contacts do not exist for them.
    const notFound = [
      renameResolverGroup(db, security, { tenantId: fx.beta.id, groupId, name: 'Mine now' }),
      deleteResolverGroup(db, owner, { tenantId: fx.beta.id, groupId }),
      addCabMember(db, security, { tenantId: fx.beta.id, userId: fx.uid('sec-a1@t') }),
      addContact(db, owner, { tenantId: fx.beta.id, name: 'Eve', email: 'eve@example.com' }),
    ];
    for (const p of notFound) await expect(p).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An admin of alpha naming beta's group under alpha finds nothing either.
    await expect(renameResolverGroup(db, admin, { tenantId: fx.alpha.id, groupId, name: 'x-x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addContact(db, admin, { tenantId: fx.alpha.id, name: 'Bad', email: 'not-an-email' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await counts()).toEqual(before);
  });

  it('keeps the CAB and contacts: members only, unique e-mail, editable, removable', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    await addCabMember(db, admin, { tenantId: fx.alpha.id, userId: fx.uid('sec-a1@t') });
    await expect(addCabMember(db, admin, { tenantId: fx.alpha.id, userId: fx.uid('sec-b1@t') })).rejects.toMatchObject({ code: 'VALIDATION' });
    await removeCabMember(db, admin, { tenantId: fx.alpha.id, userId: fx.uid('sec-a1@t') });
    expect(await db.select().from(cabMembers)).toHaveLength(0);
    const { id } = await addContact(db, admin, { tenantId: fx.alpha.id, name: 'Ann Customer', email: 'Ann@Example.com', userId: fx.uid('manager@t') });
    await expect(addContact(db, admin, { tenantId: fx.alpha.id, name: 'Ann again', email: 'ann@example.com' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      addContact(db, admin, { tenantId: fx.alpha.id, name: 'Beta user', email: 'b@example.com', userId: fx.uid('owner-b@t') }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await editContact(db, admin, { tenantId: fx.alpha.id, contactId: id, name: 'Ann Customer', email: 'ann@example.com', userId: null, notifyChanges: false });
    const [c] = await db.select().from(tenantContacts).where(eq(tenantContacts.id, id));
    expect(c).toMatchObject({ email: 'ann@example.com', userId: null, notifyApplicable: true, notifyChanges: false });
    await expect(removeContact(db, admin, { tenantId: fx.beta.id, contactId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await removeContact(db, admin, { tenantId: fx.alpha.id, contactId: id });
    expect(await db.select().from(tenantContacts)).toHaveLength(0);
  });

  it('lists groups, CAB members and contacts paged, sorted and filtered, for admins of the tenant only', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    await createResolverGroup(db, admin, { tenantId: fx.alpha.id, applicationId: fx.apps.crm.id, name: 'CRM team' });
    await createResolverGroup(db, admin, { tenantId: fx.alpha.id, applicationId: null, name: 'Unassigned assets', memberIds: [fx.uid('sec-a1@t')] });
    const groups = await findResolverGroups(db, admin, fx.alpha.id, ZGroupListQuery.parse({ sort: 'name:desc', size: '10' }));
    expect(groups.rows.map((g) => g.name)).toEqual(['Unassigned assets', 'CRM team']);
    expect(groups.rows[1]).toMatchObject({ applicationName: 'CRM', members: [{ id: fx.uid('owner-a2@t'), name: 'owner-a2' }], openRecords: 0 });
    expect((await findResolverGroups(db, admin, fx.alpha.id, ZGroupListQuery.parse({ q: 'crm' }))).rows.map((g) => g.name)).toEqual(['CRM team']);
    const paged = await findResolverGroups(db, admin, fx.alpha.id, ZGroupListQuery.parse({ size: '10', page: '2' }));
    expect(paged).toMatchObject({ total: 2, rows: [] });
    await addCabMember(db, admin, { tenantId: fx.alpha.id, userId: fx.uid('sec-a1@t') });
    await addCabMember(db, admin, { tenantId: fx.alpha.id, userId: fx.uid('sec-a2@t') });
    const cab = await findCabMembers(db, admin, fx.alpha.id, ZCabListQuery.parse({ sort: 'name:desc', q: 'sec-a' }));
    expect(cab.rows.map((c) => c.name)).toEqual(['sec-a2', 'sec-a1']);
    expect(cab.rows[0].roles).toEqual(['security']);
    await addContact(db, admin, { tenantId: fx.alpha.id, name: 'Zed External', email: 'zed@example.com' });
    await addContact(db, admin, { tenantId: fx.alpha.id, name: 'Amy User', email: 'amy@example.com', userId: fx.uid('manager@t'), notifyChanges: false });
    const external = await findContacts(db, admin, fx.alpha.id, ZContactListQuery.parse({ account: 'external' }));
    expect(external.rows.map((c) => c.name)).toEqual(['Zed External']);
    const changes = await findContacts(db, admin, fx.alpha.id, ZContactListQuery.parse({ notifies: 'changes' }));
    expect(changes.rows.map((c) => c.name)).toEqual(['Zed External']);
    expect((await findContacts(db, admin, fx.alpha.id, ZContactListQuery.parse({ sort: 'name:asc' }))).rows.map((c) => c.userName)).toEqual(['manager', null]);
    await expect(findContacts(db, await fx.actor('sec-a1@t'), fx.alpha.id, ZContactListQuery.parse({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(findResolverGroups(db, await fx.actor('owner-b@t'), fx.alpha.id, ZGroupListQuery.parse({}))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
