#!/usr/bin/env node
// `npm test`: lint (ESLint: layer boundaries and promise rules), unit + integration tests (vitest; integration
// also on PostgreSQL when TEST_DATABASE_URL is set), a production build, then Playwright e2e in Chromium against
// the built app. A failed lint fails the run and counts as one failed test; the later stages still run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: process.env.AUTH_SECRET ?? 'test-only-secret-test-only-secret-0123' };
const out = path.join(root, 'test-results');
fs.mkdirSync(out, { recursive: true });

function run(label, cmd, args) {
  console.log(`\n── ${label} ──`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return res.status ?? 1;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const lintStatus = run('lint (npm run lint)', 'npm', ['run', '--silent', 'lint']);
if (lintStatus === 0) counts.passed += 1;
else counts.failed += 1;
let status = run('unit + integration (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(out, 'vitest.json')}`,
]);
try {
  const j = JSON.parse(fs.readFileSync(path.join(out, 'vitest.json'), 'utf8'));
  counts.passed += j.numPassedTests;
  counts.failed += j.numFailedTests;
  counts.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
} catch {}
if (status === 0 && !process.argv.includes('--unit')) {
  status = run('build', bin('next'), ['build']);
  if (status === 0) {
    status = run('e2e (Playwright, Chromium)', bin('playwright'), ['test']);
    try {
      const j = JSON.parse(fs.readFileSync(path.join(out, 'playwright.json'), 'utf8'));
      counts.passed += j.stats.expected;
      counts.failed += j.stats.unexpected + (j.stats.flaky ?? 0);
      counts.skipped += j.stats.skipped;
    } catch {}
  }
}
if (status === 0) status = lintStatus;
if (status !== 0 && counts.failed === 0) counts.failed = 1;
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(status);
