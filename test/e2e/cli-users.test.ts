/** `kvalita user …` and `kvalita token create` end to end, and signing in with what they print. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { openDatabase } from '../../src/db/database.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/databases.js';

describe('kvalita user and token', () => {
  const dataDir = tempDir();
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates a user with a generated password that signs in, and refuses a duplicate with exit 2', async () => {
    const created = await runCli(
      ['user', 'add', '--email', 'Lead@Example.com', '--role', 'lead', '--name', 'Lea Lead'],
      { dataDir },
    );
    assert.equal(created.code, 0, created.stderr);
    const password = /password: (\S+)/.exec(created.stdout)?.[1];
    assert.ok(password && password.length >= 20);
    const database = await openDatabase({ dataDir });
    try {
      const user = await new UsersService(database.kysely).authenticate('lead@example.com', password);
      assert.equal(user?.role, 'lead');
      assert.equal(user?.name, 'Lea Lead');
    } finally {
      await database.close();
    }
    const duplicate = await runCli(['user', 'add', '--email', 'lead@example.com', '--role', 'lead'], {
      dataDir,
    });
    assert.equal(duplicate.code, 2);
    assert.match(duplicate.stderr, /email: already taken/);
  });

  it('refuses an unknown role and an agent without an agent id, naming the field', async () => {
    const role = await runCli(['user', 'add', '--email', 'x@example.com', '--role', 'boss'], { dataDir });
    assert.equal(role.code, 2);
    assert.match(role.stderr, /role: must be one of admin, manager, reviewer, lead, agent, viewer/);
    const agent = await runCli(['user', 'add', '--email', 'y@example.com', '--role', 'agent'], { dataDir });
    assert.equal(agent.code, 2);
    assert.match(agent.stderr, /agent_id: required/);
  });

  it('prints an API token once and stores only its hash', async () => {
    const result = await runCli(['token', 'create', '--email', 'lead@example.com', '--name', 'scripts'], {
      dataDir,
    });
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trim();
    assert.match(token, /^kv_[0-9a-f]{8}_[\w-]{32}$/);
    const database = await openDatabase({ dataDir });
    try {
      const stored = await database.kysely.selectFrom('api_tokens').select('token_hash').execute();
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]?.token_hash, token);
      assert.equal(
        (await new UsersService(database.kysely).resolveApiToken(token))?.email,
        'lead@example.com',
      );
    } finally {
      await database.close();
    }
  });
});
