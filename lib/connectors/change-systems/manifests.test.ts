import { describe, expect, it } from 'vitest';
import { CHANGE_SYSTEM_MANIFESTS, createChangeSystem } from './registry';
import { ZWebhookConfig } from './webhook';

const webhookConfig = { url: 'https://cmdb.example.test/hooks/patchward', keyId: 'pwk_0123456789', secret: 's'.repeat(64) };

describe('change-system manifests', () => {
  it('have unique ids, the change-system kind, a name and a description; the built-in CAB is first (the default)', () => {
    expect(new Set(CHANGE_SYSTEM_MANIFESTS.map((m) => m.id)).size).toBe(CHANGE_SYSTEM_MANIFESTS.length);
    expect(CHANGE_SYSTEM_MANIFESTS[0].id).toBe('builtin');
    expect(CHANGE_SYSTEM_MANIFESTS[0].isExternal).toBe(false);
    for (const m of CHANGE_SYSTEM_MANIFESTS) {
      expect(m.kind).toBe('change-system');
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(0);
      expect(m.id).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it('registers a connector for every manifest; only external kinds send', () => {
    expect(createChangeSystem({ id: 'builtin' }).send).toBeUndefined();
    const webhook = createChangeSystem({ id: 'webhook', config: ZWebhookConfig.parse(webhookConfig) });
    expect(webhook.id).toBe('webhook');
    expect(typeof webhook.send).toBe('function');
  });
});

describe('webhook config', () => {
  const ok = (patch: Partial<typeof webhookConfig>) => ZWebhookConfig.safeParse({ ...webhookConfig, ...patch }).success;

  it('takes http and https URLs only', () => {
    expect(ok({})).toBe(true);
    expect(ok({ url: 'http://127.0.0.1:8080/hook' })).toBe(true);
    for (const url of ['ftp://x.example.test', 'file:///etc/passwd', 'javascript:alert(1)', 'https://', 'cmdb.example.test/hook', '']) {
      expect(ok({ url }), url).toBe(false);
    }
  });

  it('requires a key id and a long secret', () => {
    expect(ok({ keyId: '' })).toBe(false);
    expect(ok({ secret: 'short' })).toBe(false);
  });
});
