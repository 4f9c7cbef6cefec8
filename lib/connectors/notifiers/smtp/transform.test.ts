import { describe, expect, it } from 'vitest';
import { smtpFailure, smtpTransportOptions } from './transform';

/** Errors shaped like nodemailer's (code, responseCode, message). */
const smtpError = (message: string, fields: { code?: string; responseCode?: number }) => Object.assign(new Error(message), fields);

describe('smtpFailure', () => {
  it('retries 4xx replies and gives up on 5xx replies', () => {
    expect(smtpFailure(smtpError("Can't send mail - all recipients were rejected: 451 Try again later", { code: 'EENVELOPE', responseCode: 451 }))).toEqual({
      ok: false,
      error: "Can't send mail - all recipients were rejected: 451 Try again later",
      retryable: true,
    });
    expect(smtpFailure(smtpError('452 Mailbox full', { code: 'EENVELOPE', responseCode: 452 })).retryable).toBe(true);
    expect(smtpFailure(smtpError("Can't send mail - all recipients were rejected: 550 No such user", { code: 'EENVELOPE', responseCode: 550 }))).toEqual({
      ok: false,
      error: "Can't send mail - all recipients were rejected: 550 No such user",
      retryable: false,
    });
    expect(smtpFailure(smtpError('Message failed: 552 Message too big', { code: 'EMESSAGE', responseCode: 552 })).retryable).toBe(false);
  });

  it('lets the reply code decide over the error code', () => {
    expect(smtpFailure(smtpError('Invalid login: 535 Authentication failed', { code: 'EAUTH', responseCode: 535 })).retryable).toBe(false);
    expect(smtpFailure(smtpError('Invalid login: 454 Temporary authentication failure', { code: 'EAUTH', responseCode: 454 })).retryable).toBe(true);
    expect(smtpFailure(smtpError('Invalid greeting: 554 No service', { code: 'EPROTOCOL', responseCode: 554 })).retryable).toBe(false);
  });

  it('retries connection errors and marks the server unavailable', () => {
    for (const code of ['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ETLS', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(smtpFailure(smtpError(`connect failed (${code})`, { code })), code).toEqual({
        ok: false,
        error: `connect failed (${code})`,
        retryable: true,
        isUnavailable: true,
      });
    }
    expect(smtpFailure(smtpError('Server terminates connection: 421 Too busy', { code: 'ECONNECTION', responseCode: 421 }))).toMatchObject({
      retryable: true,
      isUnavailable: true,
    });
  });

  it('gives up on errors that would fail the same way next time', () => {
    for (const code of ['EAUTH', 'ENOAUTH', 'EENVELOPE', 'ECONFIG', 'EREQUIRETLS']) {
      const failure = smtpFailure(smtpError('refused', { code }));
      expect(failure.retryable, code).toBe(false);
      expect(failure.isUnavailable, code).toBeUndefined();
    }
    expect(smtpFailure('something odd')).toEqual({ ok: false, error: 'something odd', retryable: false });
    expect(smtpFailure(null)).toEqual({ ok: false, error: 'null', retryable: false });
  });

  it('ignores numbers that are not SMTP reply codes', () => {
    expect(smtpFailure(smtpError('weird', { code: 'ESOCKET', responseCode: 250 })).retryable).toBe(true);
    expect(smtpFailure(smtpError('weird', { responseCode: 999 })).retryable).toBe(false);
  });

  it('keeps stored errors short', () => {
    const { error } = smtpFailure(smtpError('x'.repeat(5000), { responseCode: 550 }));
    expect(error.length).toBe(1000);
    expect(error.endsWith('…')).toBe(true);
  });
});

describe('smtpTransportOptions', () => {
  it('maps smtp:// to STARTTLS on the submission port and smtps:// to TLS on 465', () => {
    expect(smtpTransportOptions({ url: 'smtp://mail.example.test', from: 'a@example.test' })).toMatchObject({
      host: 'mail.example.test',
      port: 587,
      secure: false,
      requireTLS: false,
      auth: undefined,
    });
    expect(smtpTransportOptions({ url: 'smtps://mail.example.test', from: 'a@example.test' })).toMatchObject({
      host: 'mail.example.test',
      port: 465,
      secure: true,
    });
    expect(smtpTransportOptions({ url: 'smtp://127.0.0.1:2525', from: 'a@example.test' })).toMatchObject({ host: '127.0.0.1', port: 2525 });
    expect(smtpTransportOptions({ url: 'smtp://[::1]:25', from: 'a@example.test' })).toMatchObject({ host: '::1', port: 25 });
  });

  it('decodes credentials', () => {
    expect(smtpTransportOptions({ url: 'smtps://user%40corp.test:p%3Ass%2Fw@mail.example.test', from: 'a@example.test' }).auth).toEqual({
      user: 'user@corp.test',
      pass: 'p:ss/w',
    });
    expect(smtpTransportOptions({ url: 'smtp://apikey@mail.example.test', from: 'a@example.test' }).auth).toEqual({ user: 'apikey', pass: '' });
  });

  it('requires STARTTLS only when asked, and only on smtp://', () => {
    expect(smtpTransportOptions({ url: 'smtp://mail.example.test', from: 'a@example.test', requireTls: true }).requireTLS).toBe(true);
    expect(smtpTransportOptions({ url: 'smtps://mail.example.test', from: 'a@example.test', requireTls: true }).requireTLS).toBe(false);
  });

  it('takes no transport options from the query string', () => {
    const options = smtpTransportOptions({ url: 'smtp://mail.example.test?secure=true&ignoreTLS=true&tls.rejectUnauthorized=false', from: 'a@example.test' });
    expect(options.secure).toBe(false);
    expect(options).not.toHaveProperty('ignoreTLS');
    expect(options).not.toHaveProperty('tls');
  });
});
