#!/usr/bin/env node
// `npm start`: builds when needed, starts the console, waits until the database is migrated (and the
// demo fleet seeded on first start), then prints the URL and the demo logins.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = path.join(root, '.data');

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function ensureSecret() {
  if (process.env.AUTH_SECRET) return;
  // Persisted beside the embedded database, so sessions survive a restart.
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...['app', 'components', 'lib', 'db', 'proxy.ts', 'next.config.mjs', 'package.json'].map((p) => newestMtime(path.join(root, p))));
  if (built > sources) return;
  console.log('[patchward] building the console (first start or changed sources)…');
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

async function waitHealthy(url, child) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) process.exit(child.exitCode);
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

ensureSecret();
ensureBuild();
const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', host], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

console.log('[patchward] starting; migrating the database' + (process.env.DATABASE_URL ? '' : ' and seeding the demo fleet on first start') + '…');
if (await waitHealthy(`http://127.0.0.1:${port}/api/health`, child)) {
  const url = `http://localhost:${port}`;
  const lines = [`\n  Patchward is ready: ${url}\n`];
  if (!process.env.DATABASE_URL || process.env.PATCHWARD_SEED === 'demo') {
    const demo = JSON.parse(fs.readFileSync(new URL('../lib/seed/demo-users.json', import.meta.url), 'utf8'));
    lines.push(`  Demo logins (password "${demo.password}"):`);
    for (const u of [...demo.staff, demo.owner]) lines.push(`    ${u.email.padEnd(30)} ${u.hint}`);
  } else {
    lines.push('  No demo data on PostgreSQL. Create the first admin with: npm run admin:create -- --email you@example.com --tenant acme');
  }
  console.log(lines.join('\n') + '\n');
} else {
  console.error('[patchward] the server did not become healthy within 3 minutes; see the log above.');
}
