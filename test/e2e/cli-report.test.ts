/**
 * `kvalita report` and `kvalita report send` end to end on both databases: the CSV report's
 * numbers are `kvalita kpi --json`'s for the same period; bad input is named; the mail goes
 * through a real SMTP server.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPORT_METRICS } from '../../src/modules/reports/report-metrics.js';
import { ReportScheduleSettings } from '../../src/modules/reports/reports.settings.js';
import { runCli } from '../support/cli.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation, jsonl } from '../support/factories.js';
import { attachmentsOf, startSmtp, type TestSmtp } from '../support/smtp.js';

const METRICS = REPORT_METRICS.map((m) => m.id);

// Thirty conversations in March 2026 (the factory spreads them over days, teams and agents), ten in February.
function items() {
  const list = [];
  for (let n = 1; n <= 30; n += 1) list.push(conversation(n));
  for (let n = 31; n <= 40; n += 1) {
    const day = String(1 + (n % 27)).padStart(2, '0');
    list.push(
      conversation(n, {
        created_at: `2026-02-${day}T09:00:00Z`,
        resolved_at: `2026-02-${day}T12:00:00Z`,
        messages: [
          { role: 'customer', author: `c-${n}`, at: `2026-02-${day}T09:00:00Z`, text: 'Where is my order?' },
          { role: 'agent', author: 'a-1', at: `2026-02-${day}T09:07:00Z`, text: 'It ships tomorrow.' },
        ],
        feedback: [{ type: 'csat', score: n % 2 ? 3 : 5, scale: 5 }],
      }),
    );
  }
  return list;
}

// Splits one CSV line on commas outside quotes.
const cells = (line: string) =>
  line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));

for (const kind of DATABASE_KINDS) {
  describe(`kvalita report on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let files: string;
    let smtp: TestSmtp;
    const target = () => ({ dataDir: test.dataDir, databaseUrl: test.databaseUrl });

    before(async () => {
      test = await kind.create();
      smtp = await startSmtp();
      files = fs.mkdtempSync(path.join(test.dataDir, 'files-'));
      const file = path.join(files, 'contacts.jsonl');
      fs.writeFileSync(file, jsonl(items()));
      const imported = await runCli(['import', file], target());
      assert.equal(imported.code, 0, imported.stderr);
      const scored = await runCli(['score', '--threads', '1'], target());
      assert.equal(scored.code, 0, scored.stderr);
    });
    after(async () => {
      await smtp?.close();
      await test?.drop();
    });

    it("writes a CSV report whose KPI numbers equal kvalita kpi --json's for the same period", async () => {
      const out = path.join(files, 'march.csv');
      const report = await runCli(['report', '--period', '2026-03', '--out', out], target());
      assert.equal(report.code, 0, report.stderr);
      assert.match(report.stdout, /Wrote the 2026-03 report to .*march\.csv/);
      assert.match(report.stdout, /2026-03 had 30 conversations, against 10 in 2026-02\./);
      const kpi = await runCli(
        ['kpi', '--metrics', METRICS.join(','), '--from', '2026-03-01', '--to', '2026-04-01', '--json'],
        target(),
      );
      assert.equal(kpi.code, 0, kpi.stderr);
      const [expected] = JSON.parse(kpi.stdout) as Array<Record<string, number | null>>;
      const previous = await runCli(
        ['kpi', '--metrics', METRICS.join(','), '--from', '2026-02-01', '--to', '2026-03-01', '--json'],
        target(),
      );
      const [before] = JSON.parse(previous.stdout) as Array<Record<string, number | null>>;
      const lines = fs.readFileSync(out, 'utf8').split('\n\n')[0]?.split('\n') ?? [];
      assert.deepEqual(cells(lines[0] ?? '').slice(0, 6), [
        'metric',
        'label',
        'value',
        'n',
        'previous',
        'previous_n',
      ]);
      assert.equal(lines.length - 1, METRICS.length);
      let compared = 0;
      for (const line of lines.slice(1)) {
        const [metric = '', , value, n, prior] = cells(line);
        const number = (text: string | undefined) =>
          text === '' || text === undefined ? null : Number(text);
        assert.equal(number(value), expected?.[metric], metric);
        assert.equal(number(n), expected?.[`${metric}_n`], `${metric}_n`);
        assert.equal(number(prior), before?.[metric], `previous ${metric}`);
        if (expected?.[metric] !== null) compared += 1;
      }
      assert.ok(compared >= 8, `most KPIs have figures (${compared})`);
    });

    it('writes PDF, XLSX and HTML by the extension and names a bad period, extension or count', async () => {
      for (const extension of ['pdf', 'xlsx', 'html']) {
        const out = path.join(files, `week.${extension}`);
        const result = await runCli(
          ['report', '--period', '2026-W11', '--team', 'Zagreb L1', '--out', out],
          target(),
        );
        assert.equal(result.code, 0, result.stderr);
        assert.ok(fs.statSync(out).size > 1000, extension);
      }
      const badPeriod = await runCli(
        ['report', '--period', '2026-W60', '--out', path.join(files, 'x.pdf')],
        target(),
      );
      assert.equal(badPeriod.code, 2);
      assert.match(badPeriod.stderr, /^kvalita: --period: 2026 has no week 60/);
      const badOut = await runCli(
        ['report', '--period', '2026-03', '--out', path.join(files, 'x.docx')],
        target(),
      );
      assert.equal(badOut.code, 2);
      assert.match(badOut.stderr, /--out: ".*x\.docx" must end in \.html, \.pdf, \.xlsx, \.csv/);
      const noPeriod = await runCli(['report', '--out', path.join(files, 'x.pdf')], target());
      assert.match(noPeriod.stderr, /--period: required/);
      const badCount = await runCli(
        ['report', '--period', '2026-03', '--out', path.join(files, 'x.pdf'), '--min-count', '0'],
        target(),
      );
      assert.match(badCount.stderr, /--min-count: not a whole number/);
    });

    it('mails the report now with kvalita report send, and names what is missing', async () => {
      const missing = await runCli(
        ['report', '--period', '2026-03', 'send', '--to', 'boss@example.com'],
        target(),
      );
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /--smtp.host: no SMTP server is set/);
      await new ReportScheduleSettings(test.database.kysely).save({
        from: 'kvalita@example.com',
        smtp: { host: '127.0.0.1', port: smtp.port, user: smtp.user, password: smtp.password },
      });
      const sent = await runCli(
        [
          'report',
          'send',
          '--period',
          '2026-03',
          '--to',
          'boss@example.com',
          '--format',
          'pdf',
          '--format',
          'xlsx',
        ],
        target(),
      );
      assert.equal(sent.code, 0, sent.stderr);
      assert.match(
        sent.stdout,
        /Mailed the 2026-03 report \(kvalita-2026-03\.pdf, kvalita-2026-03\.xlsx\) to boss@example\.com/,
      );
      assert.equal(smtp.messages.length, 1);
      const attached = attachmentsOf(smtp.messages[0]?.raw ?? '');
      assert.equal(attached.get('kvalita-2026-03.pdf')?.subarray(0, 5).toString(), '%PDF-');
      assert.equal(attached.get('kvalita-2026-03.xlsx')?.subarray(0, 2).toString(), 'PK');
      assert.match(smtp.messages[0]?.raw ?? '', /had 30 conversations/);
    });
  });
}
