import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import type { TSoftwareItem } from '../types';
import { parseRpmQa, splitNevra } from './rpm';
import type { TParseResult } from './types';

function items(r: TParseResult): TSoftwareItem[] {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.items;
}
const rpm = (name: string, version: string, arch: string | null): TSoftwareItem => ({
  ecosystem: 'rpm',
  name,
  version,
  arch,
  sourceName: null,
  sourceVersion: null,
});

describeCorpus('rpm -qa of the real AlmaLinux 9.2 host', () => {
  it('reads all 1277 packages', () => {
    // Counted independently: `wc -l` = 1277 = `grep -c .` (no blank lines), `sort | uniq -d` empty,
    // `grep -c gpg-pubkey` = 0, and `sed 's/.*\.//' | sort | uniq -c` = 996 x86_64 + 281 noarch.
    const r = parseRpmQa(readCorpus('inventories', 'almalinux-9.2-rpm-qa.txt'));
    const list = items(r);
    expect(list).toHaveLength(1277);
    expect(r.ok && r.meta).toMatchObject({ skipped: {}, duplicatesCollapsed: 0 });
    expect(list.filter((i) => i.arch === 'x86_64')).toHaveLength(996);
    expect(list.filter((i) => i.arch === 'noarch')).toHaveLength(281);
    expect(list.find((i) => i.name === 'openssl')).toEqual(rpm('openssl', '3.0.7-6.el9_2', 'x86_64'));
    expect(list.find((i) => i.name === 'kernel-core')).toEqual(rpm('kernel-core', '5.14.0-284.11.1.el9_2', 'x86_64'));
    // A '.alma' release suffix stays part of the release, not an arch.
    expect(list.find((i) => i.name === 'gcc')).toEqual(rpm('gcc', '11.3.1-4.3.el9.alma', 'x86_64'));
    expect(list.find((i) => i.name === 'ModemManager-glib')).toEqual(rpm('ModemManager-glib', '1.20.2-1.el9', 'x86_64'));
  });
});

describe('parseRpmQa', () => {
  it('keeps several installed kernels side by side and collapses exact duplicates', () => {
    const r = parseRpmQa(
      [
        'kernel-5.14.0-284.11.1.el9_2.x86_64',
        'kernel-5.14.0-362.8.1.el9_3.x86_64',
        'kernel-5.14.0-362.8.1.el9_3.x86_64',
        'glibc-2.34-60.el9.i686',
        'glibc-2.34-60.el9.x86_64',
      ].join('\n'),
    );
    expect(items(r).map((i) => `${i.name} ${i.version} ${i.arch}`)).toEqual([
      'glibc 2.34-60.el9 i686',
      'glibc 2.34-60.el9 x86_64',
      'kernel 5.14.0-284.11.1.el9_2 x86_64',
      'kernel 5.14.0-362.8.1.el9_3 x86_64',
    ]);
    expect(r.ok && r.meta.duplicatesCollapsed).toBe(1);
  });

  it('skips gpg-pubkey pseudo-packages and counts them', () => {
    const r = parseRpmQa('gpg-pubkey-b86b3716-61e69f29\nbash-5.1.8-6.el9_1.x86_64\ngpg-pubkey-fd431d51-4ae0493b\n');
    expect(items(r)).toEqual([rpm('bash', '5.1.8-6.el9_1', 'x86_64')]);
    expect(r.ok && r.meta.skipped).toEqual({ 'gpg-pubkey': 2 });
  });

  it('reads the tab query format with epochs and source rpms', () => {
    const text = [
      'openssl\t1:3.0.7-6.el9_2\tx86_64\topenssl-3.0.7-6.el9_2.src.rpm',
      'bash\t(none):5.1.8-6.el9_1\tx86_64\tbash-5.1.8-6.el9_1.src.rpm',
      'tar\t0:1.34-6.el9_1\tx86_64',
      'gpg-pubkey\t(none):fd431d51-4ae0493b\t(none)\t(none)',
    ].join('\n');
    const r = parseRpmQa(text);
    expect(items(r)).toEqual([
      { ...rpm('bash', '5.1.8-6.el9_1', 'x86_64'), sourceName: 'bash', sourceVersion: '5.1.8-6.el9_1' },
      { ...rpm('openssl', '1:3.0.7-6.el9_2', 'x86_64'), sourceName: 'openssl', sourceVersion: '1:3.0.7-6.el9_2' },
      rpm('tar', '1.34-6.el9_1', 'x86_64'),
    ]);
  });

  it('refuses a line without an rpm architecture, naming it', () => {
    const r = parseRpmQa('bash-5.1.8-6.el9_1.x86_64\nbash-5.1.8-6.el9_1\n');
    expect(r.ok ? null : r.errors).toEqual([{ line: 2, field: 'arch', message: expect.stringContaining('"el9_1" is not an rpm architecture') }]);
  });

  it('refuses prose and lines without a release, with their line numbers, and returns no items', () => {
    const r = parseRpmQa('bash-5.1.8-6.el9_1.x86_64\npackage foo is not installed\n\nnoversion.x86_64\n');
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('items');
    expect(r.ok ? [] : r.errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('refuses a malformed source rpm column', () => {
    const r = parseRpmQa('bash\t5.1.8-6.el9_1\tx86_64\tbash\n');
    expect(r.ok ? null : r.errors[0]).toMatchObject({ line: 1, field: 'sourcerpm' });
  });
});

describe('splitNevra', () => {
  it.each([
    ['kernel-core-5.14.0-284.11.1.el9_2.x86_64', { name: 'kernel-core', version: '5.14.0', release: '284.11.1.el9_2', arch: 'x86_64' }],
    ['python3-3.9.16-1.el9.noarch', { name: 'python3', version: '3.9.16', release: '1.el9', arch: 'noarch' }],
    ['gpg-pubkey-fd431d51-4ae0493b', { name: 'gpg-pubkey', version: 'fd431d51', release: '4ae0493b', arch: null }],
    ['noversion', null],
    ['-1.0-1.x86_64', null],
  ])('%s', (input, expected) => expect(splitNevra(input)).toEqual(expected));
});
