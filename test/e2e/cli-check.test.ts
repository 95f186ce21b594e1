/** `kvalita check` end to end: no database, one JSON line per conversation, bad lines reported and skipped. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/databases.js';
import { conversation, jsonl } from '../support/factories.js';

describe('kvalita check', () => {
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the analysis of each good line and reports each bad one by line number', async () => {
    const file = path.join(dir, 'in.jsonl');
    fs.writeFileSync(
      file,
      jsonl([
        conversation(1),
        '{oops',
        { ...conversation(2), channel: 'fax' },
        conversation(3, { language: undefined as never }),
      ]),
    );
    const result = await runCli(['check', '--json', file], { dataDir: path.join(dir, 'unused') });
    assert.equal(result.code, 1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      lines.map((l) => l.id),
      ['t-1', 't-3'],
    );
    assert.equal(lines[1].language, 'en');
    for (const line of lines) {
      assert.ok(['pass', 'fail', 'na'].includes(line.checks.greeting.result));
      assert.ok(Array.isArray(line.checks.greeting.evidence));
      assert.ok(['negative', 'neutral', 'positive'].includes(line.sentiment.start));
      assert.equal(typeof line.complaint.detected, 'boolean');
    }
    assert.match(result.stderr, /in\.jsonl:2: not valid JSON/);
    assert.match(result.stderr, /in\.jsonl:3: channel: must be one of/);
    assert.equal(fs.existsSync(path.join(dir, 'unused')), false, 'no database is created');
  });

  it('prints a readable table without --json', async () => {
    const file = path.join(dir, 'one.jsonl');
    fs.writeFileSync(file, jsonl([conversation(1)]));
    const result = await runCli(['check', file], { dataDir: path.join(dir, 'unused') });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^id\s+lang\s+passed/);
    assert.match(result.stdout, /t-1\s+en/);
  });
});
