import { describe, expect, it } from 'vitest';
import { normaliseSoftware, softwareHash } from './software-list';
import type { TSoftwareItem } from './types';

const item = (name: string, version: string, arch: string | null = 'amd64'): TSoftwareItem => ({
  ecosystem: 'deb',
  name,
  version,
  arch,
  sourceName: null,
  sourceVersion: null,
});

describe('normaliseSoftware / softwareHash', () => {
  it('is independent of input order and collapses exact duplicates', () => {
    const a = normaliseSoftware([item('bash', '5.2.15-2+b8'), item('openssl', '3.0.15-1~deb12u1'), item('bash', '5.2.15-2+b8')]);
    const b = normaliseSoftware([item('openssl', '3.0.15-1~deb12u1'), item('bash', '5.2.15-2+b8')]);
    expect(a).toHaveLength(2);
    expect(softwareHash(a)).toBe(softwareHash(b));
  });
  it('keeps several versions of one package (kernels, multilib) and changes the hash on any version change', () => {
    const a = normaliseSoftware([item('kernel', '5.14.0-284.11.1.el9_2', 'x86_64'), item('kernel', '5.14.0-362.8.1.el9_3', 'x86_64')]);
    expect(a).toHaveLength(2);
    const b = normaliseSoftware([item('kernel', '5.14.0-284.11.1.el9_2', 'x86_64'), item('kernel', '5.14.0-362.8.2.el9_3', 'x86_64')]);
    expect(softwareHash(a)).not.toBe(softwareHash(b));
  });
});
