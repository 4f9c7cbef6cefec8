import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import type { TSoftwareItem } from '../types';
import { isDpkgStatusOnDisk, parseDpkgL, parseDpkgQuery } from './dpkg';
import type { TParseResult } from './types';

function items(r: TParseResult): TSoftwareItem[] {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.items;
}
const find = (list: TSoftwareItem[], name: string) => list.filter((i) => i.name === name);

describeCorpus('dpkg listings of the real Debian 12 system', () => {
  // Counted independently: `wc -l` = 825 for both TSVs; `grep -c '^ii ' debian-12-dpkg-l.txt` = 825
  // (the other 5 lines are the header); `cut -f6 | sort | uniq -c` shows all 825 rows are "ii ".
  it('dpkg-query -W: 825 packages, epochs kept, no source fields', () => {
    const list = items(parseDpkgQuery(readCorpus('inventories', 'debian-12-dpkg-query-W.tsv')));
    expect(list).toHaveLength(825);
    expect(find(list, 'cpp')).toEqual([{ ecosystem: 'deb', name: 'cpp', version: '4:12.2.0-3', arch: 'amd64', sourceName: null, sourceVersion: null }]);
    expect(find(list, 'adduser')[0].arch).toBe('all');
  });

  it('dpkg-query with source columns: 825 packages mapped to their source package and version', () => {
    const r = parseDpkgQuery(readCorpus('inventories', 'debian-12-dpkg-query-W-source.tsv'));
    const list = items(r);
    expect(list).toHaveLength(825);
    expect(r.ok && r.meta.skipped).toEqual({});
    expect(find(list, 'libssl3')[0]).toMatchObject({ sourceName: 'openssl', sourceVersion: '3.0.19-1~deb12u2', version: '3.0.19-1~deb12u2' });
    // binNMU: the binary is +b8, the source it was built from is not.
    expect(find(list, 'bash')[0]).toMatchObject({ version: '5.2.15-2+b8', sourceName: 'bash', sourceVersion: '5.2.15-2' });
    expect(list.every((i) => i.sourceName && i.sourceVersion)).toBe(true);
    // Counted with awk: 636 rows whose source name differs from the binary name.
    expect(list.filter((i) => i.sourceName !== i.name)).toHaveLength(636);
  });

  it('dpkg -l: 825 rows, multi-arch ":amd64" qualifiers stripped, same packages as dpkg-query', () => {
    const list = items(parseDpkgL(readCorpus('inventories', 'debian-12-dpkg-l.txt')));
    expect(list).toHaveLength(825);
    expect(find(list, 'binutils-common')).toEqual([
      { ecosystem: 'deb', name: 'binutils-common', version: '2.40-2', arch: 'amd64', sourceName: null, sourceVersion: null },
    ]);
    const query = items(parseDpkgQuery(readCorpus('inventories', 'debian-12-dpkg-query-W.tsv')));
    expect(list).toEqual(query);
  });
});

describe('parseDpkgQuery', () => {
  it('reads the 2-column form with a multi-arch qualifier as the arch', () => {
    expect(items(parseDpkgQuery('libc6:amd64\t2.36-9+deb12u4\n'))).toEqual([
      { ecosystem: 'deb', name: 'libc6', version: '2.36-9+deb12u4', arch: 'amd64', sourceName: null, sourceVersion: null },
    ]);
  });

  it('keeps packages whose files are on disk and skips rc / un, counting them', () => {
    const text = [
      'a\t1.0\tamd64\ta\t1.0\tii ',
      'b\t1.0\tamd64\tb\t1.0\trc ',
      'c\t1.0\tamd64\tc\t1.0\thi ',
      'd\t1.0\tamd64\td\t1.0\tiU ',
      'e\t1.0\tamd64\te\t1.0\tun ',
    ].join('\n');
    const r = parseDpkgQuery(text);
    expect(items(r).map((i) => i.name)).toEqual(['a', 'c', 'd']);
    expect(r.ok && r.meta.skipped).toEqual({ 'status rc': 1, 'status un': 1 });
  });

  it('understands the long Status form', () => {
    const r = parseDpkgQuery('a\t1.0\tamd64\ta\t1.0\tinstall ok installed\nb\t1.0\tamd64\tb\t1.0\tdeinstall ok config-files\n');
    expect(items(r).map((i) => i.name)).toEqual(['a']);
  });

  it('takes an empty source column as the binary itself, and reads "src (version)"', () => {
    const list = items(parseDpkgQuery('libfoo1\t2.0-1+b1\tamd64\t\t\tii \nlibbar1\t3.0-1+b2\tamd64\tbar (3.0-1)\n'));
    expect(list.find((i) => i.name === 'libfoo1')).toMatchObject({ sourceName: 'libfoo1', sourceVersion: '2.0-1+b1' });
    expect(list.find((i) => i.name === 'libbar1')).toMatchObject({ sourceName: 'bar', sourceVersion: '3.0-1' });
  });

  it('refuses a row with whitespace in the version, naming line and field, and returns no items', () => {
    // The same listing the e2e upload test uses.
    const r = parseDpkgQuery('bash\t5.2.15-2+b8\tamd64\nthis line has spaces in the version\t1 2 3\tamd64\n');
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('items');
    if (r.ok) return;
    expect(r.errors).toContainEqual(expect.objectContaining({ line: 2, field: 'name' }));
    expect(r.errors).toContainEqual(expect.objectContaining({ line: 2, field: 'version', message: expect.stringContaining('whitespace') }));
  });

  it('refuses a line with the wrong number of columns and an unknown status', () => {
    const r = parseDpkgQuery('bash\t5.2.15-2+b8\tamd64\nfoo 1.0 amd64\nbar\t1.0\tamd64\tbar\t1.0\tXX\n');
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, undefined],
      [3, 'status'],
    ]);
  });

  it('refuses a control character in a name', () => {
    const r = parseDpkgQuery('ba\u0007sh\t1.0\tamd64\n');
    expect(r.ok ? null : r.errors[0]).toMatchObject({ line: 1, field: 'name', message: expect.stringContaining('control character') });
  });

  it('refuses a listing whose every row is removed, rather than importing an empty list', () => {
    const r = parseDpkgQuery('a\t1.0\tamd64\ta\t1.0\trc \n');
    expect(r.ok ? null : r.errors[0].message).toMatch(/every entry was skipped \(1 × status rc\)/);
  });
});

describe('parseDpkgL', () => {
  const header = [
    'Desired=Unknown/Install/Remove/Purge/Hold',
    '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend',
    '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)',
    '||/ Name           Version      Architecture Description',
    '+++-==============-============-============-=================================',
  ];

  it('reads rows, skips rc, keeps iU with the reinst-required flag', () => {
    const r = parseDpkgL(
      [
        ...header,
        'ii  adduser        3.134        all          add and remove users',
        'rc  oldpkg         1.0-1        amd64        gone',
        'iUR half           2.0-1        amd64        unpacked',
      ].join('\n'),
    );
    expect(items(r).map((i) => `${i.name} ${i.version} ${i.arch}`)).toEqual(['adduser 3.134 all', 'half 2.0-1 amd64']);
    expect(r.ok && r.meta.skipped).toEqual({ 'status rc': 1 });
  });

  it('reads the old layout without an Architecture column', () => {
    const old = [
      '||/ Name           Version        Description',
      '+++-==============-==============-=============',
      'ii  libc6          2.7-18lenny7   GNU C Library',
    ];
    expect(items(parseDpkgL(old.join('\n')))).toEqual([
      { ecosystem: 'deb', name: 'libc6', version: '2.7-18lenny7', arch: null, sourceName: null, sourceVersion: null },
    ]);
  });

  it('names the line of a row that is not a package row', () => {
    const r = parseDpkgL([...header, 'ii  adduser  3.134  all  x', 'this is not a row'].join('\n'));
    expect(r.ok ? null : r.errors).toEqual([expect.objectContaining({ line: 7 })]);
  });

  it('refuses a header-only table', () => {
    const r = parseDpkgL(header.join('\n'));
    expect(r.ok ? null : r.errors[0].message).toBe('no package rows found');
  });
});

describe('isDpkgStatusOnDisk', () => {
  it.each([
    ['ii ', true],
    ['hi', true],
    ['iF', true],
    ['iH', false],
    ['rc', false],
    ['pn', false],
    ['install ok unpacked', true],
    ['purge ok not-installed', false],
    ['installed', null],
    ['zz', null],
  ])('%j -> %j', (status, expected) => expect(isDpkgStatusOnDisk(status)).toBe(expected));
});
