import { and, eq, inArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { changeConnectors, changeRequests, inboundDeliveries } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import { isFreshTimestamp, parseTimestamp, SIGNATURE_HEADERS, verifySignature } from '@/lib/connectors/change-systems/webhook/signing';
import { AppError, parseInput, type TErrorCode } from '@/lib/errors';
import { ZCallbackBody, type TCallbackBody } from './callback-body';

export type TCallbackConnector = { id: string; tenantId: string; name: string };
/** Applies a verified callback through the change use-cases; throws AppError on a refusal. */
export type TApplyCallback = (db: TDb, actor: TActor, connector: TCallbackConnector, body: TCallbackBody) => Promise<unknown>;

export type TCallbackResult = { status: 'applied'; deliveryId: string; changeId: string; action: TCallbackBody['action']; state: string };

/**
 * Outcomes recorded before the signature is known good. Anyone who knows a key id can cause these,
 * so they never block a delivery id: the signed request with that id takes the row over. Every
 * other outcome marks the id as seen, and a second request with it is a replay.
 */
const UNVERIFIED_OUTCOMES = ['connector disabled', 'stale timestamp', 'bad signature'] as const;
type TUnverifiedOutcome = (typeof UNVERIFIED_OUTCOMES)[number];

const DELIVERY_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The system actor a connector acts as (its name appears in the change's trail and the audit). */
export function connectorActor(connector: { name: string }): TActor {
  return { kind: 'system', label: `connector:${connector.name}` };
}

/**
 * A signed callback from an external change system. Checked in this order, each refusal logged:
 * signature headers present and the key id names an enabled connector (401) → timestamp within 5
 * minutes either way (401) → signature over `timestamp.body` (401) → delivery id not seen for this
 * connector (409) → body valid (400) → the change exists in the connector's tenant (404) → applied
 * through the change use-cases (their refusal: its status, e.g. 409). Refusals with a known
 * connector and delivery id are recorded in inbound_deliveries; a replay leaves the first row as it
 * was. The delivery id is claimed (committed) before the change is touched, so two concurrent
 * copies of one delivery cannot both apply; an unexpected error releases it for the sender's retry.
 */
export async function receiveChangeCallback(
  db: TDb,
  req: { headers: Headers; rawBody: string },
  opts: { apply: TApplyCallback; now?: Date },
): Promise<TCallbackResult> {
  const now = opts.now ?? new Date();
  const h = (name: string) => req.headers.get(name)?.trim() ?? '';
  const keyId = h(SIGNATURE_HEADERS.keyId);
  const timestamp = h(SIGNATURE_HEADERS.timestamp);
  const signature = h(SIGNATURE_HEADERS.signature);
  const deliveryId = h(SIGNATURE_HEADERS.delivery);
  if (!keyId || keyId.length > 100 || !timestamp || !signature || !DELIVERY_ID_RE.test(deliveryId)) {
    throw refusal('UNAUTHENTICATED', 'missing headers', { keyId, deliveryId }, 'Send the X-Patchward-Key-Id, -Timestamp, -Signature and -Delivery headers.');
  }
  const [connector] = await db.select().from(changeConnectors).where(eq(changeConnectors.keyId, keyId));
  if (!connector) throw refusal('UNAUTHENTICATED', 'unknown key id', { keyId, deliveryId }, 'Unknown key id.');
  const ctx = { keyId, deliveryId, connector: connector.name };
  const recordUnverified = async (outcome: TUnverifiedOutcome) => {
    await db
      .insert(inboundDeliveries)
      .values({ connectorId: connector.id, deliveryId, tenantId: connector.tenantId, action: 'unverified', outcome, receivedAt: now })
      .onConflictDoNothing();
  };
  if (!connector.isEnabled) {
    await recordUnverified('connector disabled');
    throw refusal('UNAUTHENTICATED', 'connector disabled', ctx, 'Unknown key id.');
  }
  const ts = parseTimestamp(timestamp);
  if (ts === null || !isFreshTimestamp(ts, now)) {
    await recordUnverified('stale timestamp');
    throw refusal('UNAUTHENTICATED', 'stale timestamp', ctx, 'Stale timestamp: X-Patchward-Timestamp must be unix seconds within 5 minutes of now.');
  }
  if (!verifySignature(connector.secret, timestamp, req.rawBody, signature)) {
    await recordUnverified('bad signature');
    throw refusal('UNAUTHENTICATED', 'bad signature', ctx, 'Bad signature.');
  }

  // Verified from here: the delivery id is this connector's to spend, once.
  const loose = looseBody(req.rawBody);
  const claimed = await db
    .insert(inboundDeliveries)
    .values({
      connectorId: connector.id,
      deliveryId,
      tenantId: connector.tenantId,
      changeId: UUID_RE.test(loose.changeId) ? loose.changeId : null,
      action: loose.action,
      outcome: 'processing',
      receivedAt: now,
    })
    .onConflictDoUpdate({
      target: [inboundDeliveries.connectorId, inboundDeliveries.deliveryId],
      set: { changeId: UUID_RE.test(loose.changeId) ? loose.changeId : null, action: loose.action, outcome: 'processing', receivedAt: now },
      setWhere: inArray(inboundDeliveries.outcome, [...UNVERIFIED_OUTCOMES]),
    })
    .returning({ deliveryId: inboundDeliveries.deliveryId });
  if (claimed.length === 0) throw refusal('CONFLICT', 'replayed delivery', ctx, 'Replayed delivery: this X-Patchward-Delivery id was already received.');
  const settle = (outcome: string) =>
    db
      .update(inboundDeliveries)
      .set({ outcome })
      .where(and(eq(inboundDeliveries.connectorId, connector.id), eq(inboundDeliveries.deliveryId, deliveryId)));

  try {
    const body = parseInput(ZCallbackBody, loose.json, 'Invalid callback body.');
    const [change] = UUID_RE.test(body.changeId)
      ? await db
          .select({ id: changeRequests.id })
          .from(changeRequests)
          .where(and(eq(changeRequests.id, body.changeId), eq(changeRequests.tenantId, connector.tenantId)))
      : [];
    if (!change) throw new AppError('NOT_FOUND', 'Unknown change.');
    await opts.apply(db, connectorActor(connector), { id: connector.id, tenantId: connector.tenantId, name: connector.name }, body);
    const [after] = await db.select({ state: changeRequests.state }).from(changeRequests).where(eq(changeRequests.id, change.id));
    await settle('applied');
    return { status: 'applied', deliveryId, changeId: change.id, action: body.action, state: after?.state ?? 'unknown' };
  } catch (err) {
    if (err instanceof AppError) {
      const reason = err.code === 'NOT_FOUND' ? 'unknown change' : err.code === 'VALIDATION' ? 'invalid body' : `refused: ${err.code}`;
      await settle(reason);
      throw refusal(err.code, reason, ctx, err.message, err);
    }
    // Not the sender's fault: let the same delivery id be sent again.
    await db.delete(inboundDeliveries).where(and(eq(inboundDeliveries.connectorId, connector.id), eq(inboundDeliveries.deliveryId, deliveryId)));
    throw err;
  }
}

/** The body as far as it can be read before validation, for the claim row (action is NOT NULL). */
function looseBody(raw: string): { json: unknown; changeId: string; action: string } {
  let json: unknown = null;
  try {
    json = JSON.parse(raw);
  } catch {
    return { json: raw, changeId: '', action: 'invalid' };
  }
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : '');
  return { json, changeId: str(o.changeId, 100), action: str(o.action, 40) || 'invalid' };
}

/** Logs a refusal (reason and identifiers, never the secret or signature) and builds its error. */
function refusal(
  code: TErrorCode,
  reason: string,
  ctx: { keyId: string; deliveryId: string; connector?: string },
  message: string,
  cause?: AppError,
): AppError {
  const who = ctx.connector ? `connector "${ctx.connector}"` : `key id "${ctx.keyId.slice(0, 100)}"`;
  console.warn(`[patchward] change callback refused: ${reason} (${who}, delivery "${ctx.deliveryId.slice(0, 128)}")`);
  return new AppError(code, message, cause?.issues ?? []);
}
