/** `kvalita complaints import|list|escalate` end to end: a real-world register with its own column names. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/databases.js';

// A register as a Croatian contact centre keeps it in a spreadsheet, with two bad rows.
const REGISTER = [
  'Broj;Datum primitka;Opis;Vrsta;Status;Ozbiljnost;Kategorija;Iznos povrata;Zatvoreno',
  'R-1;02.03.2026;Paket stigao oštećen;complaint;closed;major;delivery;"25,50";05.03.2026',
  'R-2;2026-03-03T09:30:00Z;Naplaćeno dvaput;complaint;received;normal;billing;;',
  'R-3;yesterday;Nitko se ne javlja;complaint;received;normal;other;;',
  'R-4;04.03.2026;"Ponudite dostavu subotom";suggestion;received;;;;',
  'R-5;05.03.2026;;complaint;teleported;low;other;abc;',
  '',
].join('\n');

const MAP = [
  'id=Broj',
  'received_at=Datum primitka',
  'description=Opis',
  'kind=Vrsta',
  'status=Status',
  'severity=Ozbiljnost',
  'category=Kategorija',
  'resolution_amount=Iznos povrata',
  'closed_at=Zatvoreno',
].join('\n');

describe('kvalita complaints', () => {
  const dataDir = tempDir();
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const file = path.join(dataDir, 'register.csv');
  const mapFile = path.join(dataDir, 'register.map');
  fs.writeFileSync(file, REGISTER.replace(/;/g, ','));
  fs.writeFileSync(mapFile, MAP);

  it('imports a register through the column mapping, reporting bad rows by line and keeping the good ones', async () => {
    const result = await runCli(['complaints', 'import', file, '--map-file', mapFile, '--json'], { dataDir });
    assert.equal(result.code, 1, 'some rows were rejected');
    assert.deepEqual(JSON.parse(result.stdout), { read: 5, imported: 3, updated: 0, rejected: 2 });
    assert.match(result.stderr, /register\.csv:4: Datum primitka: not a date: "yesterday"/);
    assert.match(result.stderr, /register\.csv:6: Opis: required/);
    assert.match(result.stderr, /register\.csv:6: Status: must be one of received/);
    assert.match(result.stderr, /register\.csv:6: Iznos povrata: not an amount: "abc"/);
    const again = await runCli(['complaints', 'import', file, '--map-file', mapFile, '--json'], { dataDir });
    assert.deepEqual(
      JSON.parse(again.stdout),
      { read: 5, imported: 0, updated: 3, rejected: 2 },
      'a re-import updates, never doubles',
    );
  });

  it('lists the register with the imported status and amounts', async () => {
    const result = await runCli(['complaints', 'list', '--json'], { dataDir });
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Array<{
      reference: string;
      status: string;
      severity: string;
      resolution_amount: number | null;
      kind: string;
    }>;
    assert.equal(rows.length, 3);
    const closed = rows.find((r) => r.status === 'closed');
    assert.equal(closed?.severity, 'high', '"major" reads as high');
    assert.equal(closed?.resolution_amount, 25.5);
    assert.ok(rows.some((r) => r.kind === 'suggestion' && r.reference.startsWith('S-2026-')));
    const overdue = await runCli(['complaints', 'list', '--overdue'], { dataDir });
    assert.match(overdue.stdout, /C-2026-\d{6} +received .*OVERDUE/);
  });

  it('names a missing column and how to map it', async () => {
    const result = await runCli(['complaints', 'import', file], { dataDir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no column for id \(looked for "id"\).*--map id=Column/);
  });
});
