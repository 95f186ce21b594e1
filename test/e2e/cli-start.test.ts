/** `kvalita start` end to end: first start prints credentials and loads demo data; later starts just serve. */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { runCli, startCli } from '../support/cli.js';
import { tempDir } from '../support/databases.js';

interface Started {
  child: ChildProcess;
  output: string;
  url: string;
}

async function start(dataDir: string, extra: string[] = []): Promise<Started> {
  const child = startCli(['start', '--port', '0', '--host', '127.0.0.1', ...extra], { dataDir });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    // The banner ends with how to sign in; wait for all of it.
    const match = /is running at (http:\/\/\S+)[\s\S]*Sign in with/.exec(output);
    if (match?.[1]) return { child, output, url: match[1] };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

async function stop(started: Started): Promise<void> {
  started.child.kill('SIGTERM');
  await new Promise((resolve) =>
    started.child.exitCode !== null ? resolve(null) : started.child.once('close', resolve),
  );
}

describe('kvalita start', () => {
  const dataDir = tempDir();
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates the admin, loads demo data and serves the API and the web app on first start', async () => {
    const server = await start(dataDir, ['--demo-size', '300']);
    try {
      const password = /password: (\S+)/.exec(server.output)?.[1];
      assert.ok(password, server.output);
      assert.match(server.output, /e-mail: {3}admin@kvalita\.local/);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@kvalita.local', password }),
      });
      assert.equal(login.status, 200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const page = (await (
        await fetch(`${server.url}/api/v1/conversations?limit=500`, { headers: { cookie } })
      ).json()) as {
        items: Array<{ language: string | null; channel: string }>;
      };
      assert.equal(page.items.length, 300);
      const languages = new Set(page.items.map((item) => item.language).filter(Boolean));
      for (const language of ['en', 'ru', 'bg', 'hr', 'hu'])
        assert.ok(languages.has(language), `demo has ${language}`);
      const home = await fetch(`${server.url}/`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    } finally {
      await stop(server);
    }
  });

  it('just serves on a later start, without new credentials or new demo data', async () => {
    const server = await start(dataDir);
    try {
      assert.doesNotMatch(server.output, /password:/);
      assert.match(server.output, /Sign in with your account/);
    } finally {
      await stop(server);
    }
    const users = await runCli(['user', 'list'], { dataDir });
    assert.equal(users.stdout.trim().split('\n').length, 1);
  });
});
