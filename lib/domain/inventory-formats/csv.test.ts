import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads required and optional columns in any order, trimming cells', () => {
    const r = parseCsv(
      'name,ecosystem,version,arch,source_name,source_version\nlibssl3, deb ,3.0.11-1~deb12u2,amd64,openssl,3.0.11-1~deb12u2\nlodash,npm,4.17.21,,,\n',
    );
    expect(r.ok && r.items).toEqual([
      { ecosystem: 'deb', name: 'libssl3', version: '3.0.11-1~deb12u2', arch: 'amd64', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2' },
      { ecosystem: 'npm', name: 'lodash', version: '4.17.21', arch: null, sourceName: null, sourceVersion: null },
    ]);
  });

  it('accepts a header with upper-case names, a BOM, CRLF and quoted cells', () => {
    const r = parseCsv('\uFEFFEcosystem,Name,Version\r\n"maven","org.apache.logging.log4j:log4j-core","2.17.1"\r\n');
    expect(r.ok && r.items).toMatchObject([{ ecosystem: 'maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.17.1' }]);
  });

  it('refuses an unknown ecosystem naming the line and field, and returns no items', () => {
    const r = parseCsv('ecosystem,name,version\ndeb,bash,5.2.15-2\ncomposer,brick/math,0.9.3\n');
    expect(r).toEqual({ ok: false, errors: [{ line: 3, field: 'ecosystem', message: expect.stringContaining('unknown ecosystem "composer"') }] });
  });

  it('refuses a missing header column and an unknown column', () => {
    const r = parseCsv('ecosystem,name,source_nmae\ndeb,bash,x\n');
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.field])).toEqual([
      [1, 'source_nmae'],
      [1, 'version'],
    ]);
  });

  it('refuses a file that has no header (a package row first)', () => {
    const r = parseCsv('deb,bash,5.2.15-2\n');
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('unknown column "deb"') });
  });

  it('refuses whitespace in a version and a short row, with physical line numbers past a multi-line cell', () => {
    const r = parseCsv('ecosystem,name,version\nnpm,"multi\nline",1.0\nnpm,a,1 0\nnpm,b\n');
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'name'],
      [4, 'version'],
      [5, undefined],
    ]);
  });

  it('refuses a header with no rows', () => {
    expect(parseCsv('ecosystem,name,version\n')).toEqual({ ok: false, errors: [{ message: 'no package rows below the header' }] });
  });
});
