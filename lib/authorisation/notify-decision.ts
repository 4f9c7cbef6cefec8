import { and, eq, ne } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { memberships, notifications, users } from '@/db/schema';
import { smtpSettings } from '@/lib/env';

const KIND_VERB: Record<string, string> = { authorise: 'authorise', defer: 'defer', reject: 'reject', revoke: 'revoke' };

type TPatchRef = { id: string; vendorId: string; title: string };
type TOptions = { isEmailEnabled?: boolean };

/**
 * A request waits for a second approver: every other enabled security user of that tenant is told,
 * in-app and (with SMTP configured) by e-mail. Written in the request's transaction, so a refused
 * request notifies nobody.
 */
export async function notifyAwaitingApproval(
  tx: TDb,
  d: { tenantId: string; tenantName: string; patch: TPatchRef; kind: string; requestedBy: string | null; requesterName: string; justification: string },
  { isEmailEnabled = smtpSettings() !== null }: TOptions = {},
): Promise<number> {
  const approvers = await tx
    .selectDistinct({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, d.tenantId),
        eq(memberships.role, 'security'),
        eq(users.isDisabled, false),
        d.requestedBy ? ne(users.id, d.requestedBy) : undefined,
      ),
    );
  if (approvers.length === 0) return 0;
  await tx.insert(notifications).values(
    approvers.map((a) => ({
      tenantId: d.tenantId,
      recipientId: a.id,
      kind: 'decision.awaiting',
      patchId: d.patch.id,
      subject: `${d.requesterName} asks you to approve: ${KIND_VERB[d.kind] ?? d.kind} ${d.patch.vendorId} in ${d.tenantName}`,
      body: `${d.patch.title}\n\nJustification: ${d.justification}\n\nFour eyes: a security user other than the requester approves or refuses it on the patch's decision page.`,
      emailStatus: isEmailEnabled ? 'queued' : null,
    })),
  );
  return approvers.length;
}

/** The requester learns the outcome of their request (approved or refused, by whom, with the note). */
export async function notifyDecided(
  tx: TDb,
  d: {
    tenantId: string;
    tenantName: string;
    patch: TPatchRef;
    kind: string;
    requestedBy: string | null;
    outcome: 'approved' | 'refused';
    deciderName: string;
    note: string | null;
  },
  { isEmailEnabled = smtpSettings() !== null }: TOptions = {},
): Promise<number> {
  if (!d.requestedBy) return 0;
  await tx.insert(notifications).values({
    tenantId: d.tenantId,
    recipientId: d.requestedBy,
    kind: 'decision.decided',
    patchId: d.patch.id,
    subject: `${d.deciderName} ${d.outcome} your request to ${KIND_VERB[d.kind] ?? d.kind} ${d.patch.vendorId} in ${d.tenantName}`,
    body: `${d.patch.title}${d.note ? `\n\nNote: ${d.note}` : ''}`,
    emailStatus: isEmailEnabled ? 'queued' : null,
  });
  return 1;
}
