import { describe, expect, it } from 'vitest';
import { combineRows, detectReportFormat, parseTestReport, type TReportResult } from './test-report-formats';

const rowsOf = (r: TReportResult) => {
  if (!r.ok) throw new Error(`expected a valid report, got ${r.issues.map((i) => i.message).join(' | ')}`);
  return r.rows;
};
const messages = (r: TReportResult) => (r.ok ? [] : r.issues.map((i) => i.message));

describe('CSV test reports', () => {
  it('reads asset,outcome,notes in any column order, with pipeline words for outcomes', () => {
    const rows = rowsOf(parseTestReport('notes,Asset,OUTCOME\n,web-01,ok\n"disk full\non /var",web-02,FAIL\nmaintenance,db-01,skipped\n', 'csv'));
    expect(rows).toEqual([
      { where: 'line 2', names: ['web-01'], outcome: 'passed', notes: null },
      { where: 'line 3', names: ['web-02'], outcome: 'failed', notes: 'disk full\non /var' },
      { where: 'line 5', names: ['db-01'], outcome: 'blocked', notes: 'maintenance' },
    ]);
  });

  it('accepts a file without the notes column when everything passed', () => {
    expect(rowsOf(parseTestReport('\uFEFFasset,outcome\r\nweb-01,passed\r\n\r\n', 'csv'))).toHaveLength(1);
  });

  it('refuses an unknown outcome, naming the line', () => {
    expect(messages(parseTestReport('asset,outcome,notes\nweb-01,passed,\nweb-02,maybe,\n', 'csv'))).toEqual([
      'Line 3: outcome "maybe" is not one of passed, failed, blocked.',
    ]);
  });

  it('refuses a failure without a note, an empty asset and an asset listed twice', () => {
    const r = parseTestReport('asset,outcome,notes\nweb-01,failed,\n,passed,\nweb-02,passed,\nWEB-02,failed,again\n', 'csv');
    expect(messages(r)).toEqual([
      'Line 2: say why web-01 failed (notes column).',
      'Line 3: the asset is empty.',
      'Line 5: WEB-02 is listed again (first on line 4).',
    ]);
  });

  it('refuses a header without the required columns and unknown columns', () => {
    expect(messages(parseTestReport('host,result\nweb-01,passed\n', 'csv'))).toEqual([
      'Line 1: unknown column "host" (expected asset, outcome, notes).',
      'Line 1: unknown column "result" (expected asset, outcome, notes).',
      'Line 1: the header needs the column "asset" (asset,outcome,notes).',
      'Line 1: the header needs the column "outcome" (asset,outcome,notes).',
    ]);
  });

  it('refuses a row with the wrong number of cells and a header without rows', () => {
    expect(messages(parseTestReport('asset,outcome,notes\nweb-01,passed\n', 'csv'))).toEqual(['Line 2: expected 3 cells like the header, found 2.']);
    expect(messages(parseTestReport('asset,outcome,notes\n', 'csv'))).toEqual(['The file has a header but no result rows.']);
  });

  it('refuses an empty file', () => {
    expect(messages(parseTestReport('', 'csv'))).toEqual(['The file is empty.']);
    expect(messages(parseTestReport('  \n\n', 'junit'))).toEqual(['The file is empty.']);
  });
});

const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="patch smoke">
  <testsuite name="web" hostname="web-01.acme.internal" tests="2">
    <testcase name="http 200" classname="smoke.web"/>
    <testcase name="tls handshake" classname="smoke.web"><failure message="certificate expired" type="AssertionError">trace…</failure></testcase>
  </testsuite>
  <testsuite name="db">
    <testcase name="db-01" classname="smoke.db"/>
    <testcase name="replication" classname="smoke.db">
      <properties><property name="hostname" value="db-02"/></properties>
      <skipped message="replica offline for maintenance"/>
    </testcase>
    <testcase name="backup" classname="smoke.db"><error>connection refused
at line 3</error></testcase>
  </testsuite>
</testsuites>`;

describe('JUnit XML test reports', () => {
  it('turns testcases into results with candidate asset names, best first', () => {
    const rows = rowsOf(parseTestReport(JUNIT, 'junit'));
    expect(rows).toEqual([
      { where: 'testcase "http 200" (line 4)', names: ['http 200', 'smoke.web', 'web-01.acme.internal'], outcome: 'passed', notes: null },
      {
        where: 'testcase "tls handshake" (line 5)',
        names: ['tls handshake', 'smoke.web', 'web-01.acme.internal'],
        outcome: 'failed',
        notes: 'tls handshake: certificate expired',
      },
      { where: 'testcase "db-01" (line 8)', names: ['db-01', 'smoke.db'], outcome: 'passed', notes: null },
      {
        where: 'testcase "replication" (line 9)',
        names: ['db-02', 'replication', 'smoke.db'],
        outcome: 'blocked',
        notes: 'replication: replica offline for maintenance',
      },
      { where: 'testcase "backup" (line 13)', names: ['backup', 'smoke.db'], outcome: 'failed', notes: 'backup: connection refused' },
    ]);
  });

  it('reads a single <testsuite> root', () => {
    expect(rowsOf(parseTestReport('<testsuite name="s"><testcase name="web-01"/></testsuite>', 'junit'))).toMatchObject([
      { names: ['web-01'], outcome: 'passed' },
    ]);
  });

  it('refuses malformed XML, naming line and column', () => {
    expect(messages(parseTestReport('<testsuites>\n<testsuite name="s">\n<testcase name="a">\n</testsuite>\n</testsuites>', 'junit'))).toEqual([
      "Line 4, column 1: Expected closing tag 'testcase' (opened in line 3, col 1) instead of closing tag 'testsuite'.",
    ]);
  });

  it('refuses another root element, a report without testcases and a testcase naming no asset', () => {
    expect(messages(parseTestReport('<report><testcase name="a"/></report>', 'junit'))).toEqual([
      'Expected a <testsuites> or <testsuite> root element, found <report>.',
    ]);
    expect(messages(parseTestReport('<testsuites><testsuite name="s"></testsuite></testsuites>', 'junit'))).toEqual([
      'The JUnit file has no <testcase> element.',
    ]);
    expect(messages(parseTestReport('<testsuites>\n<testsuite name="s">\n<testcase time="1"/>\n</testsuite></testsuites>', 'junit'))).toEqual([
      'Testcase #1 of suite "s" (line 3) names no asset: give it a name, a classname or a hostname property.',
    ]);
  });
});

describe('combining and detecting', () => {
  it('combines one asset’s rows: failed beats blocked beats passed, failure notes joined', () => {
    const rows = rowsOf(parseTestReport(JUNIT, 'junit'));
    expect(combineRows(rows.slice(0, 2))).toEqual({ outcome: 'failed', notes: 'tls handshake: certificate expired' });
    expect(combineRows([rows[0], rows[3]])).toEqual({ outcome: 'blocked', notes: 'replication: replica offline for maintenance' });
    expect(combineRows([rows[0], rows[2]])).toEqual({ outcome: 'passed', notes: null });
  });

  it('detects the format from the file name, else from the content', () => {
    expect(detectReportFormat('results.XML', 'asset,outcome')).toBe('junit');
    expect(detectReportFormat('results.csv', '<x/>')).toBe('csv');
    expect(detectReportFormat(null, '\uFEFF  <testsuites/>')).toBe('junit');
    expect(detectReportFormat('report.txt', 'asset,outcome')).toBe('csv');
  });
});
