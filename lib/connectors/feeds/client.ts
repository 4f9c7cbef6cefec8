import fs from 'node:fs/promises';
import path from 'node:path';
import type { TAdvisoryFeedConfig } from './feed-config';

/** I/O of advisory feeds: read documents from a folder or a URL. Transforms stay pure elsewhere. */

export type TFetchedDocument = { name: string; text: string };
export type TFetchResult = { documents: TFetchedDocument[]; errors: { name: string; reason: string; retryable: boolean }[] };

const EXTENSIONS = /\.(json|xml|ya?ml|csv)$/i;
const MAX_DOC_BYTES = 20 * 1024 * 1024;
const MAX_URL_DOCS = 500;

/** Every advisory-looking file under a folder (recursive, sorted); unreadable files are reported, not fatal. */
export async function readFolder(root: string): Promise<TFetchResult> {
  const out: TFetchResult = { documents: [], errors: [] };
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (EXTENSIONS.test(e.name)) {
        try {
          const stat = await fs.stat(abs);
          if (stat.size > MAX_DOC_BYTES) out.errors.push({ name: path.relative(root, abs), reason: 'larger than 20 MB', retryable: false });
          else out.documents.push({ name: path.relative(root, abs), text: await fs.readFile(abs, 'utf8') });
        } catch (err) {
          out.errors.push({ name: path.relative(root, abs), reason: (err as Error).message, retryable: true });
        }
      }
    }
  };
  try {
    await walk(root);
  } catch (err) {
    out.errors.push({ name: root, reason: `cannot read folder: ${(err as Error).message}`, retryable: true });
  }
  return out;
}

async function getText(url: string, fetchImpl: typeof fetch): Promise<string> {
  const res = await fetchImpl(url, { headers: { accept: 'application/json, application/xml, text/plain, */*' }, signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status} for ${url}`), { retryable: res.status >= 500 || res.status === 429 });
  return res.text();
}

type TJson = Record<string, unknown>;
const isObj = (v: unknown): v is TJson => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ROLIE feed entry URLs (CSAF §7.1.20): entry[].content.src, else the entry's self link. */
function rolieEntryUrls(feed: TJson): string[] {
  const f = isObj(feed.feed) ? feed.feed : feed;
  const entries = Array.isArray(f.entry) ? f.entry : [];
  return entries
    .map((e: unknown) => {
      if (!isObj(e)) return null;
      if (isObj(e.content) && typeof e.content.src === 'string') return e.content.src;
      const links = Array.isArray(e.link) ? e.link : [];
      const self = links.find((l: unknown) => isObj(l) && l.rel === 'self' && typeof l.href === 'string') as TJson | undefined;
      return (self?.href as string) ?? null;
    })
    .filter((u: string | null): u is string => !!u);
}

/**
 * A URL is a CSAF provider-metadata.json (follow its ROLIE feeds), a ROLIE feed (follow its
 * entries), or a single advisory document. Per-document failures are reported with a retryable flag.
 */
export async function fetchUrl(url: string, fetchImpl: typeof fetch = fetch): Promise<TFetchResult> {
  const out: TFetchResult = { documents: [], errors: [] };
  let text: string;
  try {
    text = await getText(url, fetchImpl);
  } catch (err) {
    out.errors.push({ name: url, reason: (err as Error).message, retryable: (err as { retryable?: boolean }).retryable ?? true });
    return out;
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: a single XML/YAML/CSV document */
  }
  let docUrls: string[] | null = null;
  if (isObj(json) && Array.isArray(json.distributions) && 'canonical_url' in json) {
    const feeds = (json.distributions as unknown[])
      .flatMap((d) => (isObj(d) && isObj(d.rolie) && Array.isArray(d.rolie.feeds) ? d.rolie.feeds : []))
      .map((f) => (isObj(f) ? String(f.url) : ''))
      .filter(Boolean);
    docUrls = [];
    for (const feedUrl of feeds) {
      try {
        docUrls.push(...rolieEntryUrls(JSON.parse(await getText(new URL(feedUrl, url).toString(), fetchImpl))));
      } catch (err) {
        out.errors.push({ name: feedUrl, reason: (err as Error).message, retryable: true });
      }
    }
  } else if (isObj(json) && (isObj(json.feed) || Array.isArray(json.entry))) {
    docUrls = rolieEntryUrls(json);
  }
  if (!docUrls) {
    out.documents.push({ name: url.split('/').pop() || url, text });
    return out;
  }
  for (const u of docUrls.slice(0, MAX_URL_DOCS)) {
    const abs = new URL(u, url).toString();
    try {
      out.documents.push({ name: abs.split('/').pop() || abs, text: await getText(abs, fetchImpl) });
    } catch (err) {
      out.errors.push({ name: abs, reason: (err as Error).message, retryable: (err as { retryable?: boolean }).retryable ?? true });
    }
  }
  if (docUrls.length > MAX_URL_DOCS)
    out.errors.push({ name: url, reason: `only the first ${MAX_URL_DOCS} of ${docUrls.length} documents were fetched`, retryable: true });
  return out;
}

export async function fetchSource(config: TAdvisoryFeedConfig, fetchImpl: typeof fetch = fetch): Promise<TFetchResult> {
  if (config.source === 'folder') return readFolder(config.path);
  if (config.source === 'url') return fetchUrl(config.url, fetchImpl);
  return { documents: [], errors: [] };
}
