import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { detectFormat, INVENTORY_FORMATS, MAX_INVENTORY_BYTES, parseInventory } from './detect';

describeCorpus('format detection on the corpus', () => {
  it.each([
    ['inventories/debian-12-dpkg-query-W.tsv', 'dpkg-query', 825],
    ['inventories/debian-12-dpkg-query-W-source.tsv', 'dpkg-query', 825],
    ['inventories/debian-12-dpkg-l.txt', 'dpkg-l', 825],
    ['inventories/almalinux-9.2-rpm-qa.txt', 'rpm-qa', 1277],
    ['inventories/spdx-ubi9-micro-9.4-6_amd64.spdx.json', 'spdx', 20],
    ['inventories/cyclonedx-dropwizard-1.3.15.bom.json', 'cyclonedx', 167],
    ['sbom/cyclonedx/juice-shop-11.1.2.bom.json', 'cyclonedx', 840],
  ])('%s is %s with %i items', (file, format, count) => {
    const text = readCorpus(file);
    expect(detectFormat(text)).toBe(format);
    const r = parseInventory(text, { format: 'auto', filename: file.split('/').pop() });
    expect(r.ok && [r.format, r.items.length]).toEqual([format, count]);
  });

  it('parses with an explicit format, and an explicit wrong format fails instead of guessing', () => {
    const text = readCorpus('inventories/almalinux-9.2-rpm-qa.txt');
    expect(parseInventory(text, { format: 'rpm-qa' }).ok).toBe(true);
    const wrong = parseInventory(text, { format: 'dpkg-query' });
    expect(wrong.ok ? null : wrong.errors[0]).toMatchObject({ line: 1 });
  });
});

describe('detectFormat', () => {
  it('tells dpkg-query from rpm tab output by the architectures', () => {
    expect(detectFormat('bash\t5.2.15-2+b8\tamd64\nadduser\t3.134\tall\n')).toBe('dpkg-query');
    expect(detectFormat('bash\t5.1.8-6.el9_1\tx86_64\ntzdata\t2023c-1.el9\tnoarch\n')).toBe('rpm-qa');
    expect(detectFormat('bash\t5.1.8-6.el9_1\n', undefined, 'rpm')).toBe('rpm-qa');
    expect(detectFormat('bash\t5.2.15-2\n')).toBe('dpkg-query');
  });

  it('recognises CSV by header or file name, and dpkg -l rows without the header', () => {
    expect(detectFormat('name,version,ecosystem\nbash,1,deb\n')).toBe('csv');
    expect(detectFormat('anything\n', 'inventory.CSV')).toBe('csv');
    expect(detectFormat('ii  bash  5.2.15-2+b8  amd64  GNU Bourne Again SHell\n')).toBe('dpkg-l');
  });

  it('recognises JSON documents by their own fields, and nothing else', () => {
    expect(detectFormat('{"bomFormat":"CycloneDX","components":[]}')).toBe('cyclonedx');
    expect(detectFormat('{"spdxVersion":"SPDX-2.3","packages":[]}')).toBe('spdx');
    expect(detectFormat('{"hello":1}')).toBeNull();
    expect(detectFormat('Lorem ipsum dolor sit amet\nconsectetur adipiscing\n')).toBeNull();
  });
});

describe('parseInventory', () => {
  it('lists its formats in a stable order for the import form', () => {
    expect(INVENTORY_FORMATS).toEqual(['dpkg-query', 'dpkg-l', 'rpm-qa', 'cyclonedx', 'spdx', 'csv']);
  });

  it('refuses an empty file and a whitespace-only one', () => {
    expect(parseInventory('')).toEqual({ ok: false, errors: [{ message: 'the file is empty' }] });
    expect(parseInventory('\uFEFF \n\n', { format: 'dpkg-query' })).toEqual({ ok: false, errors: [{ message: 'the file is empty' }] });
  });

  it('refuses a listing over the size limit before parsing it', () => {
    const big = 'a'.repeat(MAX_INVENTORY_BYTES + 1);
    expect(parseInventory(big, { format: 'rpm-qa' })).toEqual({ ok: false, errors: [{ message: 'the listing is larger than 10 MB' }] });
    // Multi-byte text counts in UTF-8 bytes, not characters: 4M × 'é' is 8 MB, under the limit.
    const under = parseInventory('é'.repeat(4 * 1024 * 1024), { format: 'rpm-qa' });
    expect(under.ok ? null : under.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('NAME-VERSION-RELEASE') });
    const r = parseInventory('é'.repeat(6 * 1024 * 1024), { format: 'rpm-qa' });
    expect(r.ok ? null : r.errors[0].message).toBe('the listing is larger than 10 MB');
  });

  it('says so when the format cannot be recognised', () => {
    const r = parseInventory('Lorem ipsum dolor sit amet\n');
    expect(r.ok ? null : r.errors[0].message).toMatch(/could not recognise the format/);
  });

  it('refuses garbage JSON when the format is given', () => {
    const r = parseInventory('{ not json', { format: 'cyclonedx' });
    expect(r.ok ? null : r.errors[0].message).toMatch(/not valid JSON/);
  });

  it('passes defaultEcosystem to SBOM components without a purl', () => {
    const r = parseInventory(JSON.stringify({ bomFormat: 'CycloneDX', components: [{ name: 'requests', version: '2.31.0' }] }), { defaultEcosystem: 'pypi' });
    expect(r.ok && r.items[0].ecosystem).toBe('pypi');
  });
});
