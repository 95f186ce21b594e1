#!/usr/bin/env node
// Runs every test file with Node's own test runner (TypeScript through tsx) and says up front
// which tiers are skipped on this machine and why. In CI (CI=true) nothing may be skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const files =
  args.length > 0 ? args : [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))];
const skipped = [];
if (!process.env.KVALITA_TEST_DATABASE_URL) {
  skipped.push(
    'PostgreSQL store and API tests: set KVALITA_TEST_DATABASE_URL to a server where the user may create databases',
  );
}
const chromium = process.env.KVALITA_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium))
  skipped.push(
    `browser tests: no Chromium at ${chromium} (apt-get install chromium, or set KVALITA_CHROMIUM)`,
  );
if (!fs.existsSync(path.join(root, 'web/dist/index.html')))
  skipped.push('browser tests: the web app is not built (npm run build:web)');

if (skipped.length > 0) {
  if (process.env.CI === 'true') {
    console.error(`CI must run every test, but these would be skipped:\n  - ${skipped.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`Skipped on this machine:\n  - ${skipped.join('\n  - ')}\n`);
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=2',
    ...files.map((f) => path.relative(root, f)),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
