/**
 * KPI reports on both databases: the report's figures are the metrics service's for the same
 * query, through the service, the HTTP API and every file format (PDF read back with pdfjs, XLSX
 * with exceljs, HTML escaping), and scheduled reports mailed through a real SMTP server.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { AnalyticsService } from '../../src/modules/analytics/analytics.service.js';
import { scoreStored } from '../../src/modules/autoqa/autoqa.service.js';
import { ComplaintsService } from '../../src/modules/complaints/complaints.service.js';
import { TopicsService } from '../../src/modules/complaints/topics.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import type { ReportData } from '../../src/modules/reports/report-data.js';
import { formatValue, REPORT_METRICS } from '../../src/modules/reports/report-metrics.js';
import { renderHtml } from '../../src/modules/reports/reports.html.js';
import { renderPdf } from '../../src/modules/reports/reports.pdf.js';
import { ReportScheduler, startReportSchedule } from '../../src/modules/reports/reports.schedule.js';
import { ReportsService } from '../../src/modules/reports/reports.service.js';
import { ReportScheduleSettings } from '../../src/modules/reports/reports.settings.js';
import { renderXlsx, XLSX_SHEETS } from '../../src/modules/reports/reports.xlsx.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase, tempDir } from '../support/databases.js';
import { conversation } from '../support/factories.js';
import { attachmentsOf, startSmtp, type TestSmtp } from '../support/smtp.js';

const HOSTILE_TEAM = '<script>alert(1)</script>';
const METRICS = REPORT_METRICS.map((m) => m.id);
const MARCH = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z') };
const FEBRUARY = { from: Date.parse('2026-02-01T00:00:00Z'), to: Date.parse('2026-03-01T00:00:00Z') };

// February: five chats of Zagreb L1, all satisfied. March: eighteen chats and e-mails over two
// teams, some unhappy, slower, one left open; agent texts differ so AutoQA checks pass and fail.
function seed() {
  const items: unknown[] = [];
  const make = (
    n: number,
    day: string,
    options: {
      team: string;
      agent: string;
      csat: number;
      nps: number;
      late: number;
      open?: boolean;
      polite: boolean;
    },
  ) => {
    const item = conversation(n, {
      id: `r-${n}`,
      channel: n % 4 === 0 ? 'email' : 'chat',
      created_at: `${day}T09:00:00Z`,
      resolved_at: `${day}T11:00:00Z`,
      status: options.open ? 'open' : 'resolved',
      agent: { id: options.agent, name: `Agent ${options.agent}`, team: options.team },
      messages: [
        {
          role: 'customer',
          author: `c-${n}`,
          at: `${day}T09:00:00Z`,
          text: 'Hello, my parcel is broken. Where is my refund?',
        },
        {
          role: 'agent',
          author: options.agent,
          at: `${day}T09:${String(options.late).padStart(2, '0')}:00Z`,
          text: options.polite
            ? 'Good morning! I am sorry to hear that, I understand how annoying it is. A new parcel ships today and arrives within 2 days. Is there anything else I can help with? Thank you for your patience.'
            : 'Refund later.',
        },
      ],
      feedback: [
        { type: 'csat', score: options.csat, scale: 5 },
        { type: 'nps', score: options.nps, scale: 10 },
      ],
    }) as Record<string, unknown>;
    if (options.open) delete item.resolved_at;
    items.push({ raw: item });
  };
  for (let i = 0; i < 5; i += 1)
    make(i, `2026-02-0${i + 2}`, {
      team: 'Zagreb L1',
      agent: 'a-1',
      csat: 5,
      nps: 10,
      late: 2,
      polite: true,
    });
  for (let i = 0; i < 18; i += 1) {
    const hostile = i % 3 === 0;
    make(100 + i, `2026-03-${String(2 + i).padStart(2, '0')}`, {
      team: hostile ? HOSTILE_TEAM : 'Zagreb L1',
      agent: hostile ? 'a-9' : i % 2 ? 'a-1' : 'a-2',
      csat: hostile ? 2 : i % 2 ? 5 : 4,
      nps: hostile ? 3 : 9,
      late: 5 + (i % 7) * 5,
      open: i === 17,
      polite: !hostile,
    });
  }
  return items as Array<{ raw: unknown }>;
}

async function pdfText(content: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(content), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= document.numPages; page += 1) {
    const text = await (await document.getPage(page)).getTextContent();
    for (const item of text.items) if ('str' in item) parts.push(item.str);
  }
  await document.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

// Lines wrap anywhere a line breaker may break (also inside "</script>"), so spacing is not
// compared; without a Unicode font the PDF prints minus signs as hyphens and drops accents.
const plain = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, '');

for (const kind of DATABASE_KINDS) {
  describe(`Reports on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let reports: ReportsService;
    let analytics: AnalyticsService;
    let march: ReportData;

    before(async () => {
      test = await kind.create();
      const result = await ingestItems(test.database, seed(), 'test');
      assert.equal(result.summary.rejected, 0, JSON.stringify(result.results));
      await scoreStored(test.database, { threads: 1 });
      const complaints = new ComplaintsService(test.database);
      for (const [day, text] of [
        ['05', 'The parcel arrived late again, delivery took two weeks'],
        ['09', 'Late delivery of my parcel, two weeks waiting'],
        ['12', 'My parcel delivery was late by two weeks'],
        ['20', 'I was charged twice on my invoice'],
      ] as const) {
        await complaints.create(null, { description: text, received_at: `2026-03-${day}T10:00:00Z` });
      }
      await new TopicsService(test.database).refresh(Date.parse('2026-04-02T00:00:00Z'));
      reports = new ReportsService(test.database);
      analytics = new AnalyticsService(test.database);
      march = await reports.build({ period: '2026-03', minimumCount: 3 });
    });
    after(async () => {
      await test?.drop();
    });

    it("shows the metrics service's figures for the period and the previous period", async () => {
      const [current] = await analytics.query({ metrics: METRICS, by: [], ...MARCH });
      const [previous] = await analytics.query({ metrics: METRICS, by: [], ...FEBRUARY });
      assert.equal(march.kpis.length, METRICS.length);
      for (const line of march.kpis) {
        assert.equal(line.value, current?.[line.metric], line.metric);
        assert.equal(line.n, current?.[`${line.metric}_n`], `${line.metric}_n`);
        assert.equal(line.previous, previous?.[line.metric], `previous ${line.metric}`);
      }
      const csat = march.kpis.find((k) => k.metric === 'csat');
      assert.equal(csat?.value, 66.667, 'twelve of eighteen answered 4 or 5');
      assert.equal(csat?.previous, 100);
      assert.equal(csat?.change, -33.333);
      assert.deepEqual(march.conversations, { current: 18, previous: 5 });
      assert.match(march.summary[1] ?? '', /the largest change/);
    });

    it('filters by team the same way the metrics service does', async () => {
      const report = await reports.build({ period: '2026-03', team: HOSTILE_TEAM, minimumCount: 3 });
      const [row] = await analytics.query({ metrics: METRICS, by: [], ...MARCH, team: HOSTILE_TEAM });
      for (const line of report.kpis) assert.equal(line.value, row?.[line.metric], line.metric);
      assert.equal(report.kpis.find((k) => k.metric === 'csat')?.value, 0);
      assert.equal(report.conversations.current, 6);
    });

    it('trends by day within a month and by week within a quarter', async () => {
      assert.equal(march.trend.bucket, 'day');
      assert.equal(march.trend.rows.length, 18);
      const quarter = await reports.build({ period: '2026-Q1', minimumCount: 3 });
      assert.equal(quarter.trend.bucket, 'week');
      const weeks = await analytics.query({
        metrics: ['csat'],
        by: ['week'],
        from: FEBRUARY.from - 31 * 86_400_000,
        to: MARCH.to,
      });
      assert.deepEqual(
        quarter.trend.rows.map((r) => [r.week, r.csat]),
        weeks.map((r) => [r.week, r.csat]),
      );
    });

    it('ranks only teams and agents with at least the minimum count, so a handful of reviews cannot win', async () => {
      const teamIqs = march.leaders.find((l) => l.dimension === 'team' && l.metric === 'iqs');
      assert.equal(teamIqs?.ranked, 2);
      assert.equal(teamIqs?.best?.name, 'Zagreb L1', 'polite answers score higher');
      assert.equal(teamIqs?.worst?.name, HOSTILE_TEAM);
      const agents = march.leaders.find((l) => l.dimension === 'agent' && l.metric === 'csat');
      assert.ok(agents?.best && agents.best.csat_n >= 3);
      const strict = await reports.build({ period: '2026-03', minimumCount: 50 });
      assert.ok(strict.leaders.every((l) => l.ranked === 0 && l.best === null));
      assert.equal(strict.teams.length, 2, 'every team is still listed');
    });

    it('lists the complaint topics and the most failed AutoQA checks of the period', async () => {
      assert.equal(march.complaints.received, 4);
      assert.equal(
        march.topics.reduce((sum, t) => sum + t.count, 0),
        4,
      );
      assert.equal(march.topics[0]?.count, 3, 'the three late deliveries are one topic');
      assert.ok(march.checks.length > 0);
      for (const check of march.checks) {
        assert.ok(check.failed > 0 && check.failed <= check.decided && check.decided <= 18, check.check);
      }
      const failures = march.checks.map((c) => c.failed);
      assert.deepEqual(
        failures,
        [...failures].sort((a, b) => b - a),
      );
    });

    it('prints the KPI names, figures and the summary in the PDF', async () => {
      const text = await pdfText(await renderPdf(march));
      assert.match(text, /^Kvalita KPI report: 2026-03/);
      for (const line of march.kpis) {
        assert.ok(text.includes(line.label), line.label);
        assert.ok(
          plain(text).includes(plain(formatValue(line.metric, line.value))),
          `${line.metric} ${formatValue(line.metric, line.value)}`,
        );
      }
      assert.ok(text.includes('66.7 %'), 'CSAT as a person reads it');
      const squeezed = plain(text);
      for (const sentence of march.summary) assert.ok(squeezed.includes(plain(sentence)), sentence);
    });

    it('writes one XLSX sheet per table with numbers as numeric cells', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await renderXlsx(march)) as unknown as ArrayBuffer);
      assert.deepEqual(
        workbook.worksheets.map((s) => s.name),
        [...XLSX_SHEETS],
      );
      const kpis = workbook.getWorksheet('KPIs');
      assert.ok(kpis);
      const header = (kpis.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(0, 4), ['metric', 'KPI', 'value', 'n']);
      march.kpis.forEach((line, i) => {
        const row = kpis.getRow(i + 2);
        assert.equal(row.getCell(1).value, line.metric);
        assert.equal(row.getCell(3).value ?? null, line.value, line.metric);
        if (line.value !== null) assert.equal(typeof row.getCell(3).value, 'number');
        assert.equal(row.getCell(4).value, line.n);
      });
      const frt = march.kpis.findIndex((k) => k.metric === 'frt_median');
      assert.equal(kpis.getRow(frt + 2).getCell(10).value, 'seconds');
      const teams = workbook.getWorksheet('Teams');
      assert.equal(teams?.rowCount, 3);
      assert.equal(typeof teams?.getRow(2).getCell(3).value, 'number');
    });

    it('escapes team and agent names in the HTML and carries no script', async () => {
      const html = renderHtml(march);
      assert.ok(!/<script/i.test(html), 'no script element');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(!/<link|src=|href=/i.test(html), 'self-contained');
      assert.match(html, /<style>/);
    });

    describe('through the HTTP API', () => {
      let app: FastifyInstance;
      let base: string;
      const tokens: Record<string, string> = {};
      const call = (who: string, method: string, url: string, body?: unknown) =>
        fetch(`${base}/api/v1${url}`, {
          method,
          headers: {
            authorization: `Bearer ${tokens[who]}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });

      before(async () => {
        app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
        await app.listen({ port: 0, host: '127.0.0.1' });
        base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const users = new UsersService(test.database.kysely);
        for (const role of ['admin', 'manager', 'lead', 'viewer', 'agent']) {
          const { user } = await users.createUser({
            email: `${role}@example.com`,
            role,
            agentExternalId: role === 'agent' ? 'a-1' : undefined,
          });
          tokens[role] = (await users.createApiToken(user.id, 'tests')).token;
        }
      });
      after(async () => {
        await app?.close();
      });

      it('returns the CSV report whose KPI figures equal GET /metrics for the same period', async () => {
        const response = await call('lead', 'GET', '/reports?period=2026-03&format=csv');
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
        assert.match(response.headers.get('content-disposition') ?? '', /filename="kvalita-2026-03\.csv"/);
        const csv = await response.text();
        const metrics = (await (
          await call(
            'manager',
            'GET',
            `/metrics?metrics=${METRICS.join(',')}&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
          )
        ).json()) as Array<Record<string, number | null>>;
        const [kpiBlock] = csv.split('\n\n');
        const rows = (kpiBlock ?? '').split('\n').slice(1);
        assert.equal(rows.length, METRICS.length);
        for (const row of rows) {
          const [metric, , value, n] = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
          assert.equal(value === '' ? null : Number(value), metrics[0]?.[metric as string], metric);
          assert.equal(Number(n), metrics[0]?.[`${metric}_n`]);
        }
        assert.match(csv, /\n\nteam,name,iqs,iqs_n,csat,csat_n\n/);
        assert.match(csv, /\n\nagent,name,iqs,iqs_n,csat,csat_n\n/);
      });

      it('returns the PDF, XLSX and HTML files, and refuses viewers, agents and a bad period', async () => {
        const pdf = await call('manager', 'GET', '/reports?period=2026-W11&format=pdf');
        assert.equal(pdf.status, 200);
        assert.equal(
          Buffer.from(await pdf.arrayBuffer())
            .subarray(0, 5)
            .toString(),
          '%PDF-',
        );
        const xlsx = await call('admin', 'GET', '/reports?period=2026-Q1&format=xlsx');
        assert.equal(xlsx.status, 200);
        assert.equal(
          Buffer.from(await xlsx.arrayBuffer())
            .subarray(0, 2)
            .toString(),
          'PK',
        );
        const html = await call(
          'manager',
          'GET',
          `/reports?period=2026-03&team=${encodeURIComponent(HOSTILE_TEAM)}`,
        );
        assert.equal(html.status, 200);
        assert.ok(!(await html.text()).includes(HOSTILE_TEAM));
        assert.equal((await call('viewer', 'GET', '/reports?period=2026-03')).status, 403);
        assert.equal((await call('agent', 'GET', '/reports?period=2026-03')).status, 403);
        const bad = await call('manager', 'GET', '/reports?period=2026-13&format=csv');
        assert.equal(bad.status, 400);
        assert.match(
          ((await bad.json()) as { message: string }).message,
          /^period: "2026-13" has no month 13/,
        );
      });

      it('keeps the SMTP password out of every schedule answer and lets only admins and managers change it', async () => {
        const put = await call('manager', 'PUT', '/reports/schedule', {
          weekly: true,
          folder: tempDir('kvalita-reports-'),
          recipients: ['boss@example.com'],
          from: 'kvalita@example.com',
          smtp: { host: '127.0.0.1', port: 2525, user: 'reports', password: 'hunter2-secret' },
        });
        assert.equal(put.status, 200);
        const text = await put.text();
        assert.ok(!text.includes('hunter2-secret'));
        assert.equal(JSON.parse(text).smtp.password_set, true);
        const got = await call('admin', 'GET', '/reports/schedule');
        assert.ok(!(await got.text()).includes('hunter2-secret'));
        assert.equal((await call('lead', 'GET', '/reports/schedule')).status, 403);
        assert.equal((await call('lead', 'PUT', '/reports/schedule', { daily: true })).status, 403);
        const bad = await call('admin', 'PUT', '/reports/schedule', {
          recipients: ['not an address'],
          hour: 7,
        });
        assert.equal(bad.status, 400);
        assert.match(((await bad.json()) as { message: string }).message, /recipients/);
        const off = await call('admin', 'PUT', '/reports/schedule', { weekly: false, recipients: [] });
        assert.equal(off.status, 200);
      });
    });

    describe('scheduled by e-mail', () => {
      let smtp: TestSmtp;
      let folder: string;
      const log: string[] = [];

      before(async () => {
        smtp = await startSmtp();
        folder = tempDir('kvalita-scheduled-');
      });
      after(async () => {
        await smtp?.close();
        fs.rmSync(folder, { recursive: true, force: true });
      });

      it('mails the week once after it ends, with the file in the folder, and never again after a restart', async () => {
        const settings = new ReportScheduleSettings(test.database.kysely);
        // Switched on on Wednesday of 2026-W47, to go out from 06:00.
        await settings.save(
          {
            weekly: true,
            daily: false,
            monthly: false,
            hour: 6,
            folder,
            formats: ['pdf', 'csv'],
            recipients: ['boss@example.com', 'lead@example.com'],
            from: 'kvalita@example.com',
            smtp: {
              host: '127.0.0.1',
              port: smtp.port,
              secure: false,
              user: smtp.user,
              password: smtp.password,
            },
          },
          Date.parse('2026-11-18T12:00:00Z'),
        );
        let clock = Date.parse('2026-11-22T23:59:00Z');
        const scheduler = new ReportScheduler(
          test.database,
          (m) => log.push(m),
          () => clock,
        );
        assert.deepEqual(await scheduler.tick(), [], 'W46 ended before the schedule was switched on');
        clock = Date.parse('2026-11-23T00:01:00Z');
        assert.deepEqual(await scheduler.tick(), [], 'before 06:00');
        clock = Date.parse('2026-11-23T06:01:00Z');
        const runs = await scheduler.tick();
        assert.deepEqual(
          runs.map((r) => [r.frequency, r.period, r.files]),
          [['weekly', '2026-W47', ['kvalita-2026-W47.pdf', 'kvalita-2026-W47.csv']]],
          log.join('\n'),
        );
        assert.equal(smtp.messages.length, 1);
        const [mail] = smtp.messages;
        assert.deepEqual(mail?.to, ['boss@example.com', 'lead@example.com']);
        assert.match(mail?.raw ?? '', /Subject: Kvalita KPI report 2026-W47/);
        const attached = attachmentsOf(mail?.raw ?? '');
        const pdf = fs.readFileSync(path.join(folder, 'kvalita-2026-W47.pdf'));
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        assert.ok(
          attached.get('kvalita-2026-W47.pdf')?.equals(pdf),
          'the attachment is the file in the folder',
        );
        assert.ok(
          attached
            .get('kvalita-2026-W47.csv')
            ?.equals(fs.readFileSync(path.join(folder, 'kvalita-2026-W47.csv'))),
        );

        clock = Date.parse('2026-11-23T06:02:00Z');
        assert.deepEqual(await scheduler.tick(), [], 'a second tick sends nothing');
        const restarted = new ReportScheduler(
          test.database,
          (m) => log.push(m),
          () => clock,
        );
        assert.deepEqual(await restarted.tick(), [], 'nor does a restart');
        assert.equal(smtp.messages.length, 1);
        assert.deepEqual((await settings.lastSent('weekly'))?.period, '2026-W47');
      });

      it('sends the next week from the running schedule loop and stops when told', async () => {
        let clock = Date.parse('2026-11-30T07:00:00Z');
        const stop = startReportSchedule(test.database, (m) => log.push(m), {
          now: () => clock,
          intervalMs: 20,
        });
        const deadline = Date.now() + 20_000;
        while (smtp.messages.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        clock += 60_000;
        await new Promise((r) => setTimeout(r, 100));
        await stop();
        assert.equal(smtp.messages.length, 2, log.join('\n'));
        assert.ok(fs.existsSync(path.join(folder, 'kvalita-2026-W48.pdf')));
        assert.ok(attachmentsOf(smtp.messages[1]?.raw ?? '').has('kvalita-2026-W48.pdf'));
      });

      it('keeps a report that could not be mailed due, and tells why', async () => {
        const settings = new ReportScheduleSettings(test.database.kysely);
        await settings.save({ smtp: { password: 'wrong' } });
        const clock = Date.parse('2026-12-07T07:00:00Z');
        const scheduler = new ReportScheduler(
          test.database,
          (m) => log.push(m),
          () => clock,
        );
        assert.deepEqual(await scheduler.tick(), []);
        assert.match(
          log[log.length - 1] ?? '',
          /weekly report 2026-W49 failed, retrying in 15 minutes: .*Invalid/,
        );
        assert.equal((await settings.lastSent('weekly'))?.period, '2026-W48');
        await settings.save({ smtp: { password: smtp.password } });
        assert.deepEqual(await scheduler.tick(), [], 'not before the retry time');
        const later = new ReportScheduler(
          test.database,
          (m) => log.push(m),
          () => clock + 16 * 60_000,
        );
        assert.equal((await later.tick())[0]?.period, '2026-W49');
        assert.equal(smtp.messages.length, 3);
      });
    });
  });
}
