import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints small fixtures through the project's own eslint.config.mjs, so a layer rule or the promise rule
// that silently stops firing (a renamed glob, a dropped block, a broken TypeScript setup) fails this test.
// The fixtures exist only in memory; their names are given the default project, which keeps this fast.
const root = path.resolve(import.meta.dirname, '../..');
const fixtures = [
  'lib/domain/lint-fixture.ts',
  'lib/domain/versions/lint-fixture.ts',
  'lib/assets/lint-fixture.ts',
  'db/lint-fixture.ts',
  'components/lint-fixture.tsx',
  'app/(console)/lint-fixture.ts',
];
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: { allowDefaultProject: fixtures } } } },
});

async function ruleHits(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.map((m) => m.ruleId);
}

const restricted = '@typescript-eslint/no-restricted-imports';

// The first lint loads the project's tsconfig through the project service: tens of seconds on a busy machine.
beforeAll(() => ruleHits('lib/assets/lint-fixture.ts', 'export const x = 1;\n'), 180_000);

describe('layer boundaries (eslint.config.mjs)', () => {
  it.each([
    ['lib/domain/lint-fixture.ts', "import { db } from '@/db/client';"],
    ['lib/domain/lint-fixture.ts', "import { sql } from 'drizzle-orm';"],
    ['lib/domain/lint-fixture.ts', "import { PGlite } from '@electric-sql/pglite';"],
    ['lib/domain/lint-fixture.ts', "import { createAsset } from '@/lib/assets/create-asset';"],
    ['lib/domain/lint-fixture.ts', "import { createAsset } from '../assets/create-asset';"],
    ['lib/domain/versions/lint-fixture.ts', "import { createAsset } from '../../assets/create-asset';"],
    ['lib/domain/lint-fixture.ts', "import { Button } from '@/components/ui/button';"],
    ['lib/domain/lint-fixture.ts', "import { redirect } from 'next/navigation';"],
    ['lib/assets/lint-fixture.ts', "import Page from '@/app/(console)/assets/page';"],
    ['lib/assets/lint-fixture.ts', "import { Button } from '../../components/ui/button';"],
    ['db/lint-fixture.ts', "import { createAsset } from '@/lib/assets/create-asset';"],
    ['db/lint-fixture.ts', "import { Button } from '@/components/ui/button';"],
    ['components/lint-fixture.tsx', "import { assets } from '@/db/schema';"],
    ['components/lint-fixture.tsx', "import { eq } from 'drizzle-orm';"],
    ['app/(console)/lint-fixture.ts', "import { assets } from '@/db/schema';"],
    ['app/(console)/lint-fixture.ts', "import { sql } from 'drizzle-orm';"],
  ])('%s: refuses %s', async (file, line) => {
    expect(await ruleHits(file, `${line}\nexport const x = 1;\n`)).toContain(restricted);
  });

  it.each([
    ['lib/domain/lint-fixture.ts', "import { compareVersions } from './versions';"],
    ['lib/domain/versions/lint-fixture.ts', "import type { TPatch } from '../types';"],
    ['lib/domain/lint-fixture.ts', "import { DateTime } from 'luxon';"],
    ['db/lint-fixture.ts', "import type { TPatch } from '@/lib/domain/types';"],
    ['lib/assets/lint-fixture.ts', "import { db } from '@/db/client';"],
    ['app/(console)/lint-fixture.ts', "import { findAssets } from '@/lib/assets/queries';"],
    ['components/lint-fixture.tsx', "import { formatDate } from '@/lib/domain/time';"],
  ])('%s: allows %s', async (file, line) => {
    expect(await ruleHits(file, `${line}\nexport const x = 1;\n`)).not.toContain(restricted);
  });
});

describe('promise rules (typed linting on TypeScript 6)', () => {
  it('refuses a floating promise and awaiting a non-promise', async () => {
    const code = 'async function check(): Promise<void> {}\nexport async function run() {\n  check();\n  await 1;\n}\n';
    const hits = await ruleHits('lib/assets/lint-fixture.ts', code);
    expect(hits).toContain('@typescript-eslint/no-floating-promises');
    expect(hits).toContain('@typescript-eslint/await-thenable');
  });

  it('refuses a promise used as a condition, and accepts the awaited form', async () => {
    const bad = 'async function allowed(): Promise<boolean> { return false; }\nexport function run() {\n  if (allowed()) return 1;\n  return 0;\n}\n';
    expect(await ruleHits('lib/assets/lint-fixture.ts', bad)).toContain('@typescript-eslint/no-misused-promises');
    const good =
      'async function allowed(): Promise<boolean> { return false; }\nexport async function run() {\n  if (await allowed()) return 1;\n  return 0;\n}\n';
    expect(await ruleHits('lib/assets/lint-fixture.ts', good)).toEqual([]);
  });
});
