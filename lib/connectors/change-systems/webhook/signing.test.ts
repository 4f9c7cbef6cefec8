import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, isFreshTimestamp, parseTimestamp, SIGNATURE_HEADERS, signedHeaders, verifySignature } from './signing';

const SECRET = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const BODY = '{"deliveryId":"d1","event":"approved","change":{"id":"c1"}}';
const NOW = new Date('2026-03-01T12:00:00Z');
const TS = String(Math.floor(NOW.getTime() / 1000));

describe('webhook signing', () => {
  it('is hex HMAC-SHA256 over "timestamp.body" (checked against an independent computation)', () => {
    const independent = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    expect(computeSignature(SECRET, TS, BODY)).toBe(independent);
    expect(independent).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs outbound requests with every header, and the receiver side verifies them', () => {
    const h = signedHeaders({ keyId: 'pwk_test', secret: SECRET, body: BODY, deliveryId: 'd1', event: 'approved', now: NOW });
    expect(h[SIGNATURE_HEADERS.keyId]).toBe('pwk_test');
    expect(h[SIGNATURE_HEADERS.timestamp]).toBe(TS);
    expect(h[SIGNATURE_HEADERS.delivery]).toBe('d1');
    expect(h[SIGNATURE_HEADERS.event]).toBe('approved');
    expect(h['Content-Type']).toBe('application/json');
    expect(h[SIGNATURE_HEADERS.signature]).toBe(`sha256=${computeSignature(SECRET, TS, BODY)}`);
    expect(verifySignature(SECRET, TS, BODY, h[SIGNATURE_HEADERS.signature])).toBe(true);
  });

  it('refuses a bad signature, a tampered body, another timestamp and the wrong key', () => {
    const good = `sha256=${computeSignature(SECRET, TS, BODY)}`;
    expect(verifySignature(SECRET, TS, BODY, good)).toBe(true);
    expect(verifySignature(SECRET, TS, BODY, `sha256=${'0'.repeat(64)}`)).toBe(false);
    expect(verifySignature(SECRET, TS, BODY.replace('approved', 'rejected'), good)).toBe(false);
    expect(verifySignature(SECRET, TS, `${BODY} `, good)).toBe(false);
    expect(verifySignature(SECRET, String(Number(TS) + 1), BODY, good)).toBe(false);
    expect(verifySignature(OTHER, TS, BODY, good)).toBe(false);
    expect(verifySignature(OTHER, TS, BODY, `sha256=${computeSignature(OTHER, TS, BODY)}`)).toBe(true);
  });

  it('refuses malformed signature headers without throwing', () => {
    const hex = computeSignature(SECRET, TS, BODY);
    for (const header of ['', hex, `sha1=${hex}`, `sha256=${hex.slice(2)}`, `sha256=${hex}00`, `sha256=${hex.slice(0, 62)}zz`, 'sha256=']) {
      expect(verifySignature(SECRET, TS, BODY, header), header).toBe(false);
    }
    // Upper-case hex and surrounding blanks are the same signature.
    expect(verifySignature(SECRET, TS, BODY, ` sha256=${hex.toUpperCase()} `)).toBe(true);
  });

  it('accepts timestamps within 5 minutes either way, and only plain unix seconds', () => {
    const t = Number(TS);
    expect(isFreshTimestamp(t, NOW)).toBe(true);
    expect(isFreshTimestamp(t - 300, NOW)).toBe(true);
    expect(isFreshTimestamp(t + 300, NOW)).toBe(true);
    expect(isFreshTimestamp(t - 301, NOW)).toBe(false);
    expect(isFreshTimestamp(t + 301, NOW)).toBe(false);
    expect(parseTimestamp(TS)).toBe(t);
    for (const bad of ['', '-5', '1.5', '1e9', ' 17', '0x10', '1234567890123']) expect(parseTimestamp(bad), bad).toBeNull();
  });
});
