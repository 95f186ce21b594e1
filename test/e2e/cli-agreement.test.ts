/** `kvalita agreement` end to end on Krippendorff's example C, and its errors. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/databases.js';

const EXAMPLE_C = [
  'rater,u1,u2,u3,u4,u5,u6,u7,u8,u9,u10,u11,u12',
  'A,1,2,3,3,2,1,4,1,2,.,.,.',
  'B,1,2,3,3,2,2,4,1,2,5,.,3',
  'C,.,3,3,3,2,3,4,2,2,5,1,.',
  'D,1,2,3,3,2,4,4,1,2,5,1,.',
  '',
].join('\n');

describe('kvalita agreement', () => {
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'example-c.csv');
  fs.writeFileSync(file, EXAMPLE_C);

  it("reproduces Krippendorff's example C at every level", async () => {
    const expected = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
    for (const [level, alpha] of Object.entries(expected)) {
      const result = await runCli(['agreement', file, '--level', level, '--json'], { dataDir: dir });
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout) as { alpha: number; units: number; pairable_values: number };
      assert.equal(output.alpha.toFixed(3), alpha.toFixed(3), level);
      assert.equal(output.units, 11);
      assert.equal(output.pairable_values, 40);
    }
    const readable = await runCli(['agreement', file, '--level', 'ordinal'], { dataDir: dir });
    assert.match(readable.stdout, /alpha \(ordinal\) = 0\.815 over 11 units, 40 pairable values/);
  });

  it('reads the same data laid out as in the paper: space-separated, no header, no names', async () => {
    const spaced = path.join(dir, 'example-c.txt');
    const rows = EXAMPLE_C.trim().split('\n').slice(1);
    fs.writeFileSync(spaced, `${rows.map((row) => row.split(',').slice(1).join('  ')).join('\n')}\n`);
    const result = await runCli(['agreement', spaced, '--level', 'interval'], { dataDir: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'alpha (interval) = 0.849 over 11 units, 40 pairable values\n');
  });

  it('names the line and column of a value that is not a number, and refuses an unknown level', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, '1,2,3\n1,two,3\n');
    const result = await runCli(['agreement', bad, '--level', 'interval'], { dataDir: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bad\.csv:2: column 2: "two" is not a number/);
    const level = await runCli(['agreement', file, '--level', 'fuzzy'], { dataDir: dir });
    assert.equal(level.code, 2);
    assert.match(level.stderr, /--level: must be one of nominal, ordinal, interval, ratio/);
  });
});
