// ESLint: the layer boundaries of ../shared/DESIGN.md and the promise rules, checked on every `npm run lint`.
// typescript-eslint needs the TypeScript JS API, which TypeScript 7 (our compiler) does not ship, so it runs on
// TypeScript 6 from tools/eslint-typescript (see its package.json); `tsc` and `next build` stay on TypeScript 7.
import { defineConfig } from 'eslint/config';
import tseslint from '@patchward/eslint-typescript';

const DATABASE = {
  regex: '^(@/db(/|$)|(\\.\\./)+db(/|$)|drizzle-orm|postgres$|@electric-sql/pglite)',
  message: 'No database here: domain code takes plain data, components take plain props; lib/<feature> does the I/O.',
};
const FEATURE = {
  regex: '^(@/lib/(?!domain(/|$))|(\\.\\./)+lib/(?!domain(/|$)))',
  message: 'Import only lib/domain here: features depend on the domain, never the other way round.',
};
const APP_OR_COMPONENT = {
  regex: '^(@/(app|components)(/|$)|(\\.\\./)+(app|components)(/|$))',
  message: 'Data flows one way (app → lib → domain/db): lib/ and db/ import nothing from app/ or components/.',
};
const SQL = {
  regex: '^(drizzle-orm|@/db/schema(/|$)|postgres$|@electric-sql/pglite)',
  message: 'No SQL in app/: a page calls a query in lib/<feature>, an action calls one use-case (STYLE.md).',
};
const FRAMEWORK = {
  regex: '^(next(/|$)|react(-dom)?(/|$)|server-only$)',
  message: 'Domain code is framework-free.',
};
// lib/domain/a.ts leaving the folder is `../x`; lib/domain/sub/a.ts is `../../x`, and so on.
const leavesDomain = (depth) => ({
  regex: `^(\\.\\./){${depth + 1}}`,
  message: 'Domain code imports only domain code.',
});
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'lib/domain/**/testing.ts'];

/** One `no-restricted-imports` block; a later block for the same files replaces the earlier options. */
const boundary = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const domainDepths = [0, 1, 2, 3].map((depth) =>
  boundary([`lib/domain/${'*/'.repeat(depth)}*.{ts,tsx}`], [DATABASE, FEATURE, APP_OR_COMPONENT, FRAMEWORK, leavesDomain(depth)], TEST_FILES),
);
// Domain tests and test helpers may read the corpus and fixtures in lib/testing; integration tests may open a database.
const domainTests = boundary(
  TEST_FILES.map((f) => (f.startsWith('lib/domain') ? f : `lib/domain/${f}`)),
  [{ ...FEATURE, regex: '^(@/lib/(?!(domain|testing)(/|$)))' }, APP_OR_COMPONENT, FRAMEWORK],
);

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '.next*/**', '.data/**', 'test-results/**', 'playwright-report/**', 'screenshots/**', 'db/migrations/**', 'next-env.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      // vitest.config.mts sits outside tsconfig's include (*.ts/*.tsx), so it gets the default project.
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.mts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An unawaited permission check or write is a silent bug (STYLE.md, Avoid).
      '@typescript-eslint/no-floating-promises': 'error',
      // React ignores what an event handler returns, so `onSubmit={async …}` is how a client form calls its server
      // action; every other misuse (a promise in a condition, a spread, a void callback) stays an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // Known offender, left to its owner: the recompute action inserts its intake run itself (move it into lib/intake).
  boundary(['app/**/*.{ts,tsx}'], [SQL], [...TEST_FILES, 'app/(console)/intake/actions.ts']),
  boundary(['lib/**/*.{ts,tsx}'], [APP_OR_COMPONENT]),
  boundary(['db/**/*.{ts,tsx}'], [APP_OR_COMPONENT, FEATURE]),
  boundary(['components/**/*.{ts,tsx}'], [DATABASE]),
  ...domainDepths,
  domainTests,
);
