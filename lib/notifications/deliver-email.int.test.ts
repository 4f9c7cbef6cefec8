import net from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { notifications, patches, users } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { createSmtpClient } from '@/lib/connectors/notifiers/smtp';
import type { TNotifier } from '@/lib/connectors/notifiers/types';
import { notifyNewlyApplicable } from '@/lib/intake/notify';
import { deliverQueuedEmail } from './deliver-email';

type TReceived = { mailFrom: string; rcptTo: string[]; headers: Record<string, string>; body: string };

/** What the test SMTP server answers to RCPT TO for an address: accept, or an SMTP error. */
type TRcptReply = (address: string) => { code: number; message: string } | null;

/** Runs when RCPT TO arrives; the server answers once it resolves (a slow server). */
type TRcptHold = (address: string) => Promise<void>;

/** A real SMTP server on an ephemeral port of 127.0.0.1, plain text, no authentication required. */
async function startSmtpServer() {
  const received: TReceived[] = [];
  let rcptReply: TRcptReply = () => null;
  let rcptHold: TRcptHold = () => Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      void rcptHold(address.address).then(() => {
        const reply = rcptReply(address.address);
        if (!reply) return callback();
        callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
      });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({ mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    port,
    received,
    reply(fn: TRcptReply) {
      rcptReply = fn;
    },
    hold(fn: TRcptHold) {
      rcptHold = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers (unfolded, lower-cased names) and the body, quoted-printable decoded when so encoded. */
function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split + 4);
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { headers, body: body.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const FROM = 'Patchward <patchward@example.test>';
const NOW = new Date('2026-03-02T10:00:00Z');

describeDb('notification e-mail over SMTP', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let patchId: string;
  const expectedRecipients = ['owner-a@t', 'security2@t', 'security@t'];

  /** The shop web server newly misses a critical patch: security (two users) and the shop owner are told. */
  const queue = (isEmailEnabled = true) =>
    notifyNewlyApplicable(get().db, [{ patchId, assetId: fx.assets.shopWeb.id, tenantId: fx.alpha.id }], { isEmailEnabled });
  const rows = async () => {
    const list = await get().db.select({ email: users.email, n: notifications }).from(notifications).innerJoin(users, eq(users.id, notifications.recipientId));
    return new Map(list.map((r) => [r.email, r.n]));
  };
  const notifier = (port = smtp.port) => createSmtpClient({ url: `smtp://127.0.0.1:${port}`, from: FROM });

  beforeAll(async () => {
    fx = await seedFixture(get().db);
    const [p] = await get()
      .db.insert(patches)
      .values({
        source: 'test',
        vendorId: 'DSA-9001-1',
        title: 'openssl security update',
        cves: ['CVE-2026-9001'],
        severity: 'critical',
        cvss: [],
        references: [],
        contentHash: 'test',
      })
      .returning();
    patchId = p.id;
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  beforeEach(async () => {
    await get().db.delete(notifications);
    await get().db.update(users).set({ isDisabled: false });
    smtp.received.length = 0;
    smtp.reply(() => null);
    smtp.hold(() => Promise.resolve());
  });

  it('queues e-mail only when SMTP is configured; in-app rows are never sent', async () => {
    expect(await queue(false)).toBe(3);
    expect([...(await rows()).values()].map((n) => n.emailStatus)).toEqual([null, null, null]);
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);

    await get().db.delete(notifications);
    expect(await queue(true)).toBe(3);
    expect([...(await rows()).values()].map((n) => [n.emailStatus, n.emailAttempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
  });

  it('delivers each message to its recipient with the subject and body, and marks it sent', async () => {
    await queue();
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 3, retrying: 0, failed: 0 });

    expect(smtp.received.flatMap((m) => m.rcptTo).sort()).toEqual(expectedRecipients);
    const byRow = await rows();
    for (const m of smtp.received) {
      const row = byRow.get(m.rcptTo[0])!;
      expect(m.mailFrom).toBe('patchward@example.test');
      expect(m.headers.from).toBe(FROM);
      expect(m.headers.to).toBe(m.rcptTo[0]);
      expect(m.headers.subject).toBe('DSA-9001-1 (critical) applies to 1 asset(s)');
      expect(m.body).toBe('openssl security update\n\nNewly affected: alpha-shop-web-01.');
      expect(m.body).toBe(row.body);
    }
    for (const n of byRow.values()) expect(n).toMatchObject({ emailStatus: 'sent', emailAttempts: 1, emailError: null, sentAt: NOW });

    // Nothing is queued any more: a second run sends nothing.
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(3);
  });

  it('sends to a contact’s own address: a user contact at the contact address, a contact without an account by address alone', async () => {
    const { db } = get();
    const base = { tenantId: fx.alpha.id, kind: 'contact.applicable', subject: 'digest', body: 'patches apply', emailStatus: 'queued' };
    await db.insert(notifications).values([
      { ...base, recipientId: fx.uid('manager@t'), recipientEmail: 'mia@alpha.example' },
      { ...base, recipientId: null, recipientEmail: 'olga@alpha.example' },
    ]);
    // Neither address nor account: refused by the database.
    await expect(db.insert(notifications).values({ ...base, recipientId: null, recipientEmail: null })).rejects.toThrow();
    expect(await deliverQueuedEmail(db, notifier(), { now: NOW })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.received.flatMap((m) => m.rcptTo).sort()).toEqual(['mia@alpha.example', 'olga@alpha.example']);
  });

  it('fails a message refused with 550 after one attempt, keeping the error, and still sends the others', async () => {
    smtp.reply((address) => (address === 'owner-a@t' ? { code: 550, message: 'No such user here' } : null));
    await queue();
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 2, retrying: 0, failed: 1 });

    const byRow = await rows();
    expect(byRow.get('owner-a@t')).toMatchObject({ emailStatus: 'failed', emailAttempts: 1, sentAt: null });
    expect(byRow.get('owner-a@t')!.emailError).toContain('550 No such user here');
    expect(byRow.get('security@t')).toMatchObject({ emailStatus: 'sent', emailError: null });
    expect(byRow.get('security2@t')).toMatchObject({ emailStatus: 'sent', emailError: null });
    expect(smtp.received.flatMap((m) => m.rcptTo).sort()).toEqual(['security2@t', 'security@t']);

    // A failed row is final: later runs leave it alone.
    smtp.reply(() => null);
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('keeps a message refused with 451 queued with its attempts counted, and fails it at maxAttempts', async () => {
    smtp.reply(() => ({ code: 451, message: 'Greylisted, try again later' }));
    await queue();
    for (const attempt of [1, 2]) {
      expect(await deliverQueuedEmail(get().db, notifier(), { maxAttempts: 3, now: NOW })).toEqual({ sent: 0, retrying: 3, failed: 0 });
      for (const n of (await rows()).values()) {
        expect(n).toMatchObject({ emailStatus: 'queued', emailAttempts: attempt, sentAt: null });
        expect(n.emailError).toContain('451 Greylisted, try again later');
      }
    }
    expect(await deliverQueuedEmail(get().db, notifier(), { maxAttempts: 3, now: NOW })).toEqual({ sent: 0, retrying: 0, failed: 3 });
    for (const n of (await rows()).values()) expect(n).toMatchObject({ emailStatus: 'failed', emailAttempts: 3 });
    expect(smtp.received).toHaveLength(0);
  });

  it('sends a temporarily refused message once the server accepts it again', async () => {
    smtp.reply((address) => (address === 'security@t' ? { code: 452, message: 'Mailbox full' } : null));
    await queue();
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 2, retrying: 1, failed: 0 });
    smtp.reply(() => null);
    const later = new Date(NOW.getTime() + 60_000);
    expect(await deliverQueuedEmail(get().db, notifier(), { now: later })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await rows()).get('security@t')).toMatchObject({ emailStatus: 'sent', emailAttempts: 2, emailError: null, sentAt: later });
  });

  it('treats an unreachable server as retryable and stops the run instead of trying every message', async () => {
    await queue();
    const counts = await deliverQueuedEmail(get().db, notifier(await closedPort()), { now: NOW });
    expect(counts).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const list = [...(await rows()).values()];
    const tried = list.filter((n) => n.emailAttempts === 1);
    expect(tried).toHaveLength(1);
    expect(tried[0].emailError).toMatch(/ECONNREFUSED/);
    expect(list.map((n) => n.emailStatus)).toEqual(['queued', 'queued', 'queued']);
    expect(list.filter((n) => n.emailAttempts === 0)).toHaveLength(2);

    // When the server is back, everything goes out.
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 3, retrying: 0, failed: 0 });
  });

  it('does not e-mail a disabled user', async () => {
    await get()
      .db.update(users)
      .set({ isDisabled: true })
      .where(eq(users.id, fx.uid('owner-a@t')));
    await queue();
    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 2, retrying: 0, failed: 1 });
    expect((await rows()).get('owner-a@t')).toMatchObject({ emailStatus: 'failed', emailAttempts: 1 });
    expect(smtp.received.flatMap((m) => m.rcptTo)).not.toContain('owner-a@t');
  });

  it('sends each message exactly once when two runs race, and respects the batch size', async () => {
    await queue();
    await queue();
    const [a, b] = await Promise.all([deliverQueuedEmail(get().db, notifier(), { now: NOW }), deliverQueuedEmail(get().db, notifier(), { now: NOW })]);
    expect(a.sent + b.sent).toBe(6);
    expect(smtp.received).toHaveLength(6);
    expect(smtp.received.flatMap((m) => m.rcptTo).sort()).toEqual(expectedRecipients.flatMap((r) => [r, r]));

    await queue();
    expect(await deliverQueuedEmail(get().db, notifier(), { batch: 2, now: NOW })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const left = await get().db.select().from(notifications).where(eq(notifications.emailStatus, 'queued'));
    expect(left).toHaveLength(1);
  });

  it('claims again a message left sending by a stopped worker, but not one being sent now', async () => {
    await queue();
    const ids = new Map([...(await rows())].map(([email, n]) => [email, n.id]));
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const leave = (email: string, claimedAt: Date, attempts: number) =>
      get()
        .db.update(notifications)
        .set({ emailStatus: 'sending', emailClaimedAt: claimedAt, emailAttempts: attempts })
        .where(eq(notifications.id, ids.get(email)!));
    await leave('security@t', minutesAgo(11), 1); // stopped mid-send: sent again
    const fresh = minutesAgo(2);
    await leave('owner-a@t', fresh, 1); // still being sent by another worker: left alone
    await leave('security2@t', minutesAgo(11), 5); // its last attempt was interrupted: given up

    expect(await deliverQueuedEmail(get().db, notifier(), { now: NOW })).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(smtp.received.flatMap((m) => m.rcptTo)).toEqual(['security@t']);
    const byRow = await rows();
    expect(byRow.get('security@t')).toMatchObject({ emailStatus: 'sent', emailAttempts: 2, emailError: null, sentAt: NOW });
    expect(byRow.get('owner-a@t')).toMatchObject({ emailStatus: 'sending', emailAttempts: 1, emailClaimedAt: fresh, sentAt: null });
    expect(byRow.get('security2@t')).toMatchObject({ emailStatus: 'failed', emailAttempts: 5, sentAt: null });
    expect(byRow.get('security2@t')!.emailError).toMatch(/interrupted/);
  });

  it('does not record an outcome over a newer claim of the same message', async () => {
    await queue();
    // While this run sends, another worker takes every message over (as if this send had gone stale).
    const newer = new Date(Date.now() + 60_000);
    const smtpNotifier = notifier();
    const overtaken: TNotifier = {
      id: 'overtaken',
      async send(message) {
        const result = await smtpNotifier.send(message);
        await get().db.update(notifications).set({ emailClaimedAt: newer }).where(eq(notifications.emailStatus, 'sending'));
        return result;
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await deliverQueuedEmail(get().db, overtaken, { now: NOW })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(warn).toHaveBeenCalledTimes(3);
    } finally {
      warn.mockRestore();
    }
    expect(smtp.received).toHaveLength(3);
    for (const n of (await rows()).values()) expect(n).toMatchObject({ emailStatus: 'sending', emailAttempts: 1, emailClaimedAt: newer, sentAt: null });
  });

  it('holds no transaction or row lock while the SMTP server is slow to answer', async () => {
    await queue();
    let isAnswered = false;
    let onRcpt: () => void = () => {};
    const rcptArrived = new Promise<void>((resolve) => {
      onRcpt = () => resolve();
    });
    smtp.hold(async () => {
      smtp.hold(() => Promise.resolve()); // only the first message is slow
      onRcpt();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      isAnswered = true;
    });
    const delivering = deliverQueuedEmail(get().db, notifier(), { now: NOW });
    await rcptArrived;

    // On the embedded database a query waits for any open transaction; on PostgreSQL NOWAIT refuses a locked row.
    expect(await get().db.select().from(users)).not.toHaveLength(0);
    const all = await get().db.select().from(notifications).for('update', { noWait: true });
    expect(isAnswered).toBe(false);
    const sending = all.filter((n) => n.emailStatus === 'sending');
    expect(sending).toHaveLength(1);
    expect(sending[0]).toMatchObject({ emailAttempts: 1, sentAt: null });
    expect(sending[0].emailClaimedAt).toBeInstanceOf(Date);

    expect(await delivering).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(isAnswered).toBe(true);
    const done = await get()
      .db.select()
      .from(notifications)
      .where(
        inArray(
          notifications.id,
          all.map((n) => n.id),
        ),
      );
    expect(done.map((n) => n.emailStatus)).toEqual(['sent', 'sent', 'sent']);
  });
});
