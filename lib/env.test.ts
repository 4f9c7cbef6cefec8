import { afterEach, describe, expect, it, vi } from 'vitest';

/** env() caches the parsed environment per module instance: load a fresh one per case. */
async function loadEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  vi.resetModules();
  return import('./env');
}

describe('SMTP settings from the environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is off when neither variable is set', async () => {
    const { smtpSettings } = await loadEnv({ SMTP_URL: undefined, SMTP_FROM: undefined });
    expect(smtpSettings()).toBeNull();
  });

  it('is on with both', async () => {
    const { smtpSettings } = await loadEnv({ SMTP_URL: 'smtps://mailer:secret@mail.example.test', SMTP_FROM: 'Patchward <patchward@example.test>' });
    expect(smtpSettings()).toEqual({ url: 'smtps://mailer:secret@mail.example.test', from: 'Patchward <patchward@example.test>' });
  });

  it('refuses one without the other, or a URL that is not SMTP', async () => {
    expect((await loadEnv({ SMTP_URL: 'smtp://mail.example.test', SMTP_FROM: undefined })).smtpSettings).toThrow(/SMTP_FROM: set both SMTP_URL and SMTP_FROM/);
    expect((await loadEnv({ SMTP_URL: undefined, SMTP_FROM: 'patchward@example.test' })).smtpSettings).toThrow(/set both/);
    expect((await loadEnv({ SMTP_URL: 'https://mail.example.test', SMTP_FROM: 'patchward@example.test' })).smtpSettings).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });

  it('does not echo the password in the error', async () => {
    const { smtpSettings } = await loadEnv({ SMTP_URL: 'http://mailer:hunter2@mail.example.test', SMTP_FROM: 'patchward@example.test' });
    expect(smtpSettings).toThrow(/SMTP_URL/);
    expect(smtpSettings).not.toThrow(/hunter2/);
  });
});
