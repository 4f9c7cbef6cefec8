import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/**
 * The real vendor corpus lives beside the project (../shared/corpora) on our machines and in CI only.
 * Tests that read it use `describeCorpus`, which skips with a message where the folder is absent.
 * PATCHWARD_CORPUS_DIR overrides the location (CI points it at a missing folder to prove the skip).
 */
export const CORPUS_DIR = process.env.PATCHWARD_CORPUS_DIR ?? path.resolve(__dirname, '../../../shared/corpora');

export const hasCorpus = fs.existsSync(CORPUS_DIR);

export function corpusPath(...parts: string[]): string {
  return path.join(CORPUS_DIR, ...parts);
}

export function readCorpus(...parts: string[]): string {
  return fs.readFileSync(corpusPath(...parts), 'utf8');
}

/** Lists files under a corpus folder (recursively), relative to CORPUS_DIR, sorted. */
export function listCorpus(folder: string, filter: (rel: string) => boolean = () => true): string[] {
  const root = corpusPath(folder);
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const rel = path.relative(CORPUS_DIR, abs);
        if (filter(rel)) out.push(rel);
      }
    }
  };
  walk(root);
  return out.sort();
}

if (!hasCorpus) {
  console.warn(`[corpus] ${CORPUS_DIR} not found: tests on the real vendor corpus are skipped.`);
}

/**
 * `describe` where the corpus exists. Without it the body is never run — `describe.skip` would still
 * run it to collect the tests, and a corpus read at collection time would fail the file — and the
 * suite shows one skipped test that says why.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (hasCorpus) describe(name, body);
  else describe(name, () => it.skip(`needs the vendor corpus: ${CORPUS_DIR} not found (PATCHWARD_CORPUS_DIR overrides the location)`, () => {}));
}
