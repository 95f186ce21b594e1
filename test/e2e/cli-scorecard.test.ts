/** `kvalita scorecard list|export|import` end to end: scorecards as code, round trip and errors. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/databases.js';

describe('kvalita scorecard', () => {
  const dataDir = tempDir();
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const file = path.join(dataDir, 'scorecard.yaml');

  it('exports the shipped default scorecard as YAML', async () => {
    const result = await runCli(['scorecard', 'export', '--out', file], { dataDir });
    assert.equal(result.code, 0, result.stderr);
    const definition = parse(fs.readFileSync(file, 'utf8')) as { name: string; categories: unknown[] };
    assert.equal(definition.name, 'Customer service quality');
    assert.ok(definition.categories.length >= 20);
  });

  it('imports an edited file as a new version, and the same file again as unchanged', async () => {
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('passMark: 80', 'passMark: 85'));
    const first = await runCli(['scorecard', 'import', file], { dataDir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /is now at version 2/);
    const again = await runCli(['scorecard', 'import', file], { dataDir });
    assert.match(again.stdout, /unchanged \(version 2\)/);
    const list = await runCli(['scorecard', 'list', '--json'], { dataDir });
    const [card] = JSON.parse(list.stdout) as Array<{ version: number; definition: { passMark: number } }>;
    assert.equal(card?.version, 2);
    assert.equal(card?.definition.passMark, 85);
  });

  it('creates a new scorecard from a file with a new name, filling in defaults', async () => {
    const small = path.join(dataDir, 'small.yaml');
    fs.writeFileSync(
      small,
      ['name: Chat basics', 'categories:', '  - key: tone', '    name: Tone', '    scale: binary', ''].join(
        '\n',
      ),
    );
    const result = await runCli(['scorecard', 'import', small], { dataDir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /created scorecard \d+ "Chat basics"/);
  });

  it('names the file, line and field of every mistake and changes nothing', async () => {
    const bad = path.join(dataDir, 'bad.yaml');
    fs.writeFileSync(
      bad,
      [
        'name: Chat basics',
        'categories:',
        '  - key: tone',
        '    name: Tone',
        '    scale: 7-point',
        '    weight: -2',
        '',
      ].join('\n'),
    );
    const result = await runCli(['scorecard', 'import', bad], { dataDir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /bad\.yaml:6: categories\[0\]\.weight: must be > 0/);
    assert.match(result.stderr, /bad\.yaml:5: categories\[0\]\.scale: must be one of binary, 3-point/);
    const broken = path.join(dataDir, 'broken.yaml');
    fs.writeFileSync(broken, 'name: [unclosed\n');
    const syntax = await runCli(['scorecard', 'import', broken], { dataDir });
    assert.equal(syntax.code, 1);
    assert.match(syntax.stderr, /broken\.yaml(:\d+)?: /);
    const list = await runCli(['scorecard', 'list', '--json'], { dataDir });
    const chat = (JSON.parse(list.stdout) as Array<{ name: string; version: number }>).find(
      (s) => s.name === 'Chat basics',
    );
    assert.equal(chat?.version, 1);
  });
});
