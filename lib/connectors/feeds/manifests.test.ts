import { describe, expect, it } from 'vitest';
import { manifest as alpine } from './alpine-secdb/manifest';
import { manifest as csaf } from './csaf/manifest';
import { manifest as cvrf } from './cvrf/manifest';
import { manifest as debian } from './debian-tracker/manifest';
import { manifest as epss } from './epss/manifest';
import { manifest as kev } from './kev/manifest';
import { manifest as osv } from './osv/manifest';

const MANIFESTS = [csaf, osv, cvrf, kev, epss, alpine, debian];

describe('advisory feed manifests', () => {
  it('have unique ids, the advisory-feed kind and a name', () => {
    expect(new Set(MANIFESTS.map((m) => m.id)).size).toBe(MANIFESTS.length);
    for (const m of MANIFESTS) {
      expect(m.kind).toBe('advisory-feed');
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.id).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it.each(MANIFESTS.map((m) => [m.id, m] as const))('%s validates its config', (_, m) => {
    expect(m.configSchema.parse({ source: 'upload' })).toEqual({ source: 'upload' });
    expect(m.configSchema.parse({ source: 'url', url: 'https://security.access.redhat.com/data/csaf/v2/advisories/', pollMinutes: '60' })).toMatchObject({
      pollMinutes: 60,
    });
    expect(m.configSchema.parse({ source: 'folder', path: '/srv/advisories' })).toMatchObject({ pollMinutes: 60 });
    expect(m.configSchema.safeParse({ source: 'url', url: 'file:///etc/passwd' }).success).toBe(false);
    expect(m.configSchema.safeParse({ source: 'url', url: 'https://x.example', pollMinutes: 1 }).success).toBe(false);
    expect(m.configSchema.safeParse({ source: 'folder' }).success).toBe(false);
    expect(m.configSchema.safeParse({ source: 'ftp' }).success).toBe(false);
  });
});
