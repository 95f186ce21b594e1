/** `kvalita import` end to end: files in, exit codes, messages, rejects, idempotency, recovery after kill -9. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { openDatabase } from '../../src/db/database.js';
import { runCli, startCli } from '../support/cli.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation, jsonl } from '../support/factories.js';

async function storedCounts(test: TestDatabase) {
  const db = test.database.kysely;
  const conversations = await db
    .selectFrom('conversations')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('message_count').as('messages')])
    .executeTakeFirstOrThrow();
  const messages = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    conversations: Number(conversations.n),
    expectedMessages: Number(conversations.messages ?? 0),
    messages: Number(messages.n),
  };
}

for (const kind of DATABASE_KINDS) {
  describe(`kvalita import on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let files: string;
    const target = () => ({ dataDir: test.dataDir, databaseUrl: test.databaseUrl });

    before(async () => {
      test = await kind.create();
      files = fs.mkdtempSync(path.join(test.dataDir, 'files-'));
    });
    after(async () => {
      await test?.drop();
    });

    it('imports a good file, exits 0 and prints the summary as JSON', async () => {
      const file = path.join(files, 'good.jsonl');
      fs.writeFileSync(file, jsonl([conversation(1), conversation(2), conversation(3)]));
      const result = await runCli(['import', '--json', file], target());
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), { read: 3, imported: 3, updated: 0, rejected: 0 });
    });

    it('updates instead of duplicating when the same file is imported again', async () => {
      const file = path.join(files, 'good.jsonl');
      const result = await runCli(['import', '--json', file], target());
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), { read: 3, imported: 0, updated: 3, rejected: 0 });
      assert.equal((await storedCounts(test)).conversations, 3);
    });

    it('rejects each bad line with FILE:LINE: field: reason, keeps the good ones and exits 1', async () => {
      const file = path.join(files, 'mixed.jsonl');
      fs.writeFileSync(
        file,
        jsonl([
          conversation(10),
          { ...conversation(11), created_at: '32/13/2026' },
          '',
          '{"id": "x", "channel": ',
          { ...conversation(12), messages: [{ role: 'robot', text: 'beep' }] },
          conversation(13),
        ]),
      );
      const rejects = path.join(files, 'rejects.jsonl');
      const result = await runCli(['import', '--json', '--rejects', rejects, file], target());
      assert.equal(result.code, 1);
      assert.deepEqual(JSON.parse(result.stdout), { read: 5, imported: 2, updated: 0, rejected: 3 });
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines[0], `${file}:2: created_at: not a date: "32/13/2026"`);
      assert.match(lines[1] ?? '', new RegExp(`^${file}:4: not valid JSON`));
      assert.match(
        lines[2] ?? '',
        new RegExp(`^${file}:5: messages\\[0\\]\\.role: must be one of customer, agent, bot, system`),
      );
      const reported = fs
        .readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.deepEqual(
        reported.map((r) => r.line),
        [2, 4, 5],
      );
      assert.equal(reported[0].input.id, 't-11');
      assert.deepEqual(reported[0].errors, [{ field: 'created_at', reason: 'not a date: "32/13/2026"' }]);
      assert.equal(reported[1].text, '{"id": "x", "channel": ');
      assert.equal((await storedCounts(test)).conversations, 5);
    });

    it('reads gzipped JSON Lines and the CSV form with mapped columns', async () => {
      const gz = path.join(files, 'more.jsonl.gz');
      fs.writeFileSync(gz, zlib.gzipSync(jsonl([conversation(20), conversation(21)])));
      const csv = path.join(files, 'tickets.csv');
      fs.writeFileSync(
        csv,
        'Ticket,Medium,Opened,Who,Body\nT-1,email,2026-03-02T09:00:00Z,customer,Where is my order?\nT-1,email,2026-03-02T09:00:00Z,agent,It arrives tomorrow by noon.\n',
      );
      const result = await runCli(
        [
          'import',
          '--json',
          '--map',
          'conversation_id=Ticket,channel=Medium,created_at=Opened,role=Who,text=Body',
          gz,
          csv,
        ],
        target(),
      );
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), { read: 3, imported: 3, updated: 0, rejected: 0 });
      const counts = await storedCounts(test);
      assert.equal(counts.messages, counts.expectedMessages);
    });

    it('exits 2 with a message for a missing file, an unknown format or no file at all', async () => {
      const missing = await runCli(['import', path.join(files, 'nope.jsonl')], target());
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.jsonl: no such file/);
      const unknown = path.join(files, 'data.xml');
      fs.writeFileSync(unknown, '<x/>');
      const wrongFormat = await runCli(['import', unknown], target());
      assert.equal(wrongFormat.code, 2);
      assert.match(wrongFormat.stderr, /unknown format/);
      assert.equal((await runCli(['import'], target())).code, 2);
      assert.equal((await runCli(['import', '--no-such-flag', unknown], target())).code, 2);
    });

    it('leaves a consistent database after kill -9 and completes the import when run again', async () => {
      const total = 20_000;
      const file = path.join(files, 'large.jsonl');
      const out = fs.createWriteStream(file);
      for (let n = 0; n < total; n += 1) out.write(`${JSON.stringify(conversation(100_000 + n))}\n`);
      await new Promise((resolve) => out.end(resolve));
      const before = (await storedCounts(test)).conversations;

      const child = startCli(['import', '--batch-size', '200', file], target());
      // Kill it once some batches are in, but well before the end.
      const deadline = Date.now() + 60_000;
      let stored = before;
      while (Date.now() < deadline) {
        stored = (await storedCounts(test)).conversations;
        if (stored - before >= 600) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
      const afterKill = await storedCounts(test);
      assert.ok(afterKill.conversations - before < total, 'the import was stopped before the end');
      assert.equal(
        afterKill.messages,
        afterKill.expectedMessages,
        'every stored conversation has all its messages',
      );
      assert.equal((afterKill.conversations - before) % 200, 0, 'whole batches only');

      const rerun = await runCli(['import', '--json', file], target());
      assert.equal(rerun.code, 0, rerun.stderr);
      const summary = JSON.parse(rerun.stdout);
      assert.equal(summary.read, total);
      assert.equal(summary.imported + summary.updated, total);
      assert.equal(summary.updated, afterKill.conversations - before);
      const final = await storedCounts(test);
      assert.equal(final.conversations, before + total);
      assert.equal(final.messages, final.expectedMessages);
    });
  });
}

describe('kvalita import on a fresh data directory', () => {
  it('creates and migrates the database on first use', async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'kvalita-fresh-'));
    try {
      const file = path.join(dataDir, 'one.jsonl');
      fs.writeFileSync(file, jsonl([conversation(1)]));
      const result = await runCli(['--data-dir', path.join(dataDir, 'nested'), 'import', file], {
        dataDir: '/nonexistent',
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /read 1, imported 1, updated 0, rejected 0/);
      const database = await openDatabase({ dataDir: path.join(dataDir, 'nested') });
      await database.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
