import { describe, expect, it } from 'vitest';
import { createNotifier, NOTIFIER_MANIFESTS } from './registry';

describe('notifier manifests', () => {
  it('have unique ids, the notifier kind and a name', () => {
    expect(new Set(NOTIFIER_MANIFESTS.map((m) => m.id)).size).toBe(NOTIFIER_MANIFESTS.length);
    for (const m of NOTIFIER_MANIFESTS) {
      expect(m.kind).toBe('notifier');
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(0);
      expect(m.id).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it('registers a connector for every manifest', () => {
    for (const m of NOTIFIER_MANIFESTS) {
      const config = m.configSchema.parse({ url: 'smtp://mail.example.test', from: 'patchward@example.test' });
      expect(createNotifier({ id: m.id, config }).id).toBe(m.id);
    }
  });
});

describe('smtp config', () => {
  const [smtp] = NOTIFIER_MANIFESTS;
  const ok = (config: unknown) => smtp.configSchema.safeParse(config).success;

  it('takes smtp:// and smtps:// URLs, with or without credentials', () => {
    expect(smtp.configSchema.parse({ url: 'smtps://user%40corp:p%3Ass@mail.example.test:465', from: 'patchward@example.test', requireTls: true })).toEqual({
      url: 'smtps://user%40corp:p%3Ass@mail.example.test:465',
      from: 'patchward@example.test',
      requireTls: true,
    });
    expect(ok({ url: 'smtp://127.0.0.1:2525', from: 'patchward@example.test' })).toBe(true);
    expect(ok({ url: 'smtp://[::1]:25', from: 'patchward@example.test' })).toBe(true);
  });

  it('refuses other schemes and URLs without a host', () => {
    for (const url of ['http://mail.example.test', 'https://mail.example.test', 'file:///etc/passwd', 'smtp://', 'mail.example.test:25', '']) {
      expect(ok({ url, from: 'patchward@example.test' }), url).toBe(false);
    }
  });

  it('takes a bare address or "Name <address>" as From, nothing else', () => {
    expect(smtp.configSchema.parse({ url: 'smtp://mail.example.test', from: '  Patchward <patchward@example.test> ' }).from).toBe(
      'Patchward <patchward@example.test>',
    );
    for (const from of [
      'patchward',
      'Patchward',
      'Patchward <patchward>',
      'a@example.test, b@example.test',
      'x@example.test\r\nBcc: victim@example.test',
      '',
    ]) {
      expect(ok({ url: 'smtp://mail.example.test', from }), from).toBe(false);
    }
  });

  it('requires url and from, and a boolean requireTls', () => {
    expect(ok({ url: 'smtp://mail.example.test' })).toBe(false);
    expect(ok({ from: 'patchward@example.test' })).toBe(false);
    expect(ok({ url: 'smtp://mail.example.test', from: 'patchward@example.test', requireTls: 'yes' })).toBe(false);
  });
});
