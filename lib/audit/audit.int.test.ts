import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '@/lib/testing/db-harness';
import type { TActor } from '@/lib/auth/permissions';
import { verifyAuditChain } from './verify-audit';
import { writeAudit } from './write-audit';

const actor: TActor = { kind: 'system', label: 'test' };

describeDb('audit chain', (get) => {
  it('links rows and verifies an intact chain', async () => {
    const { db } = get();
    await db.transaction(async (tx) => {
      await writeAudit(tx, actor, { tenantId: null, action: 'test.one', targetType: 'thing', targetId: '1', after: { b: 2, a: { z: 1, y: [1, 'x'] } } });
    });
    await db.transaction(async (tx) => {
      await writeAudit(tx, actor, { tenantId: null, action: 'test.two', targetType: 'thing', targetId: '2', before: { n: 1.5 }, after: { n: 2 } });
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 2 });
  });

  it('keeps the chain linear under concurrent writers', async () => {
    const { db } = get();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          await writeAudit(tx, actor, { tenantId: null, action: 'test.concurrent', targetType: 'thing', targetId: String(i) });
        }),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 12 });
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    const { db } = get();
    await expect(db.execute(sql`update audit_log set action = 'forged' where seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
  });

  it('names the first broken row when a row is tampered with', async () => {
    const { db } = get();
    // Tampering needs the guard off, as an attacker with superuser rights would do.
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set action = 'forged' where seq = 2`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const res = await verifyAuditChain(db);
    expect(res).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});
