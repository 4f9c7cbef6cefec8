import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchUrl, readFolder } from './client';

/** A fake fetch over an in-memory site: the network is not part of a unit test. */
function site(pages: Record<string, string | number>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const body = pages[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    if (typeof body === 'number') return new Response('err', { status: body });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
}

describe('fetchUrl', () => {
  it('follows provider-metadata.json → ROLIE feed → documents, reporting failures per document', async () => {
    const f = site({
      'https://vendor.example/.well-known/csaf/provider-metadata.json': JSON.stringify({
        canonical_url: 'x',
        distributions: [{ rolie: { feeds: [{ url: 'https://vendor.example/feed.json' }] } }],
      }),
      'https://vendor.example/feed.json': JSON.stringify({
        feed: {
          entry: [{ content: { src: 'https://vendor.example/a.json' } }, { link: [{ rel: 'self', href: '/b.json' }] }, { content: { src: '/gone.json' } }],
        },
      }),
      'https://vendor.example/a.json': '{"a":1}',
      'https://vendor.example/b.json': '{"b":1}',
      'https://vendor.example/gone.json': 503,
    });
    const res = await fetchUrl('https://vendor.example/.well-known/csaf/provider-metadata.json', f);
    expect(res.documents.map((d) => d.name)).toEqual(['a.json', 'b.json']);
    expect(res.errors).toEqual([{ name: 'https://vendor.example/gone.json', reason: 'HTTP 503 for https://vendor.example/gone.json', retryable: true }]);
  });
  it('treats anything else as one document, and a 404 as a non-retryable error', async () => {
    const f = site({ 'https://x.example/doc.xml': '<cvrfdoc/>' });
    expect((await fetchUrl('https://x.example/doc.xml', f)).documents).toHaveLength(1);
    expect((await fetchUrl('https://x.example/missing.json', f)).errors[0].retryable).toBe(false);
  });
});

describe('readFolder', () => {
  it('reads advisory files recursively and skips other files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-feed-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.json'), '{}');
    fs.writeFileSync(path.join(dir, 'sub', 'b.yaml'), 'id: x');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignore');
    const res = await readFolder(dir);
    expect(res.documents.map((d) => d.name)).toEqual(['a.json', path.join('sub', 'b.yaml')]);
    expect((await readFolder(path.join(dir, 'nope'))).errors).toHaveLength(1);
  });
});
