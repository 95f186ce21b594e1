/**
 * A report as a printable A4 PDF (pdfkit): the summary, the KPI table, the trend, best and
 * weakest teams and agents, complaint topics and failed AutoQA checks. Times read as "4 min 12 s".
 * Text uses an installed Unicode font (DejaVu Sans or Liberation Sans, or the one named by
 * KVALITA_REPORT_FONT) so names in any of the product's languages print; without one it falls
 * back to Helvetica with accents dropped.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { GroupLine, ReportData } from './report-data.js';
import {
  formatChange,
  formatCount,
  formatDuration,
  formatPercent,
  formatValue,
  reportMetric,
} from './report-metrics.js';

/** Where Unicode fonts are looked for, regular and bold, first found wins. */
export const FONT_CANDIDATES: Array<[string, string]> = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
  ['/Library/Fonts/Arial Unicode.ttf', '/Library/Fonts/Arial Unicode.ttf'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
];

interface Fonts {
  regular: string;
  bold: string;
  /** Makes text printable in the chosen font. */
  clean: (text: string) => string;
}

function chooseFonts(doc: PDFKit.PDFDocument): Fonts {
  const configured = process.env.KVALITA_REPORT_FONT;
  const candidates: Array<[string, string]> = configured
    ? [[configured, process.env.KVALITA_REPORT_FONT_BOLD ?? configured], ...FONT_CANDIDATES]
    : FONT_CANDIDATES;
  for (const [regular, bold] of candidates) {
    if (fs.existsSync(regular) && fs.existsSync(bold)) {
      doc.registerFont('report', regular);
      doc.registerFont('report-bold', bold);
      return { regular: 'report', bold: 'report-bold', clean: (text) => text };
    }
  }
  // The standard fonts know Windows-1252 only: minus signs become hyphens, accents go.
  return {
    regular: 'Helvetica',
    bold: 'Helvetica-Bold',
    clean: (text) =>
      text
        .replace(/\u2212/g, '-')
        .replace(/[\u2009\u202f\u00a0]/g, ' ')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/g, '?'),
  };
}

interface Column {
  title: string;
  width: number;
  numeric?: boolean;
}

const MARGIN = 48;
const ROW = 15;

/** The report as PDF bytes. */
export async function renderPdf(report: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${report.title} ${report.period.label}`, Author: 'Kvalita' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = chooseFonts(doc);
  const t = fonts.clean;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  const heading = (text: string) => {
    if (doc.y + 50 > bottom()) doc.addPage();
    doc
      .moveDown(0.8)
      .font(fonts.bold)
      .fontSize(13)
      .fillColor('#1f2933')
      .text(t(text), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const paragraph = (text: string, color = '#1f2933') => {
    doc.font(fonts.regular).fontSize(10).fillColor(color).text(t(text), MARGIN, doc.y, { width });
    doc.moveDown(0.25);
  };
  const table = (columns: Column[], rows: string[][]) => {
    if (rows.length === 0) {
      paragraph('No data.', '#7b8794');
      return;
    }
    const scale = width / columns.reduce((sum, c) => sum + c.width, 0);
    const drawRow = (cells: string[], bold: boolean) => {
      const y = doc.y;
      let x = MARGIN;
      doc
        .font(bold ? fonts.bold : fonts.regular)
        .fontSize(9)
        .fillColor('#1f2933');
      cells.forEach((text, i) => {
        const column = columns[i] as Column;
        const w = column.width * scale;
        doc.text(t(text), x + 3, y + 3, {
          width: w - 6,
          align: column.numeric ? 'right' : 'left',
          height: ROW - 4,
          lineBreak: false,
          ellipsis: true,
        });
        x += w;
      });
      doc
        .moveTo(MARGIN, y + ROW)
        .lineTo(MARGIN + width, y + ROW)
        .lineWidth(0.5)
        .strokeColor(bold ? '#9aa5b1' : '#e4e7eb')
        .stroke();
      doc.x = MARGIN;
      doc.y = y + ROW;
    };
    const header = columns.map((c) => c.title);
    if (doc.y + 2 * ROW > bottom()) doc.addPage();
    drawRow(header, true);
    for (const row of rows) {
      if (doc.y + ROW > bottom()) {
        doc.addPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.5);
  };

  const scope = [
    report.filters.team ? `team ${report.filters.team}` : '',
    report.filters.channel ? `channel ${report.filters.channel}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  doc
    .font(fonts.bold)
    .fontSize(18)
    .fillColor('#1f2933')
    .text(t(`${report.title}: ${report.period.label}${scope ? ` (${scope})` : ''}`), { width });
  paragraph(
    `${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)} (exclusive), ${report.timeZone}; compared with ${report.previous.label}. Generated ${report.generated_at.replace('T', ' ').slice(0, 16)} UTC.`,
    '#52606d',
  );

  heading('Summary');
  for (const sentence of report.summary) paragraph(sentence);

  heading('Key figures');
  table(
    [
      { title: 'KPI', width: 36 },
      { title: report.period.label, width: 13, numeric: true },
      { title: 'Goal', width: 13, numeric: true },
      { title: report.previous.label, width: 13, numeric: true },
      { title: 'Change', width: 22, numeric: true },
      { title: 'n', width: 7, numeric: true },
    ],
    report.kpis.map((k) => [
      k.label,
      formatValue(k.metric, k.value),
      k.goal === null
        ? '\u2014'
        : `${formatValue(k.metric, k.goal)}${k.goal_met === null ? '' : k.goal_met ? ' met' : ' missed'}`,
      formatValue(k.metric, k.previous),
      formatChange(k.metric, k.value, k.previous),
      formatCount(k.n),
    ]),
  );

  if (report.trend.bucket) {
    heading(`Trend by ${report.trend.bucket}`);
    const metrics = report.trend.metrics;
    table(
      [
        { title: report.trend.bucket, width: 16 },
        ...metrics.map((m) => ({
          title: reportMetric(m).short,
          width: 14,
          numeric: true,
        })),
      ],
      report.trend.rows.map((row) => [
        String(row[report.trend.bucket as string] ?? ''),
        ...metrics.map((m) => formatValue(m, typeof row[m] === 'number' ? (row[m] as number) : null)),
      ]),
    );
  }

  heading('Best and weakest');
  paragraph(
    `Ranked among teams and agents with at least ${report.minimum_count} reviews (IQS) or survey answers (CSAT).`,
    '#52606d',
  );
  table(
    [
      { title: '', width: 18 },
      { title: 'Best', width: 36 },
      { title: 'Weakest', width: 36 },
      { title: 'Ranked', width: 10, numeric: true },
    ],
    report.leaders.map((l) => [
      `${l.dimension === 'team' ? 'Teams' : 'Agents'} by ${l.metric === 'iqs' ? 'IQS' : 'CSAT'}`,
      l.best ? `${l.best.name} ${formatValue(l.metric, l.best[l.metric])}` : '\u2014',
      l.worst ? `${l.worst.name} ${formatValue(l.metric, l.worst[l.metric])}` : '\u2014',
      String(l.ranked),
    ]),
  );
  const groupColumns = (title: string): Column[] => [
    { title, width: 40 },
    { title: 'IQS', width: 15, numeric: true },
    { title: 'Reviews', width: 15, numeric: true },
    { title: 'CSAT', width: 15, numeric: true },
    { title: 'Answers', width: 15, numeric: true },
  ];
  const groupRows = (groups: readonly GroupLine[]) =>
    groups.map((g) => [
      g.name,
      formatPercent(g.iqs),
      formatCount(g.iqs_n),
      formatPercent(g.csat),
      formatCount(g.csat_n),
    ]);
  heading('Teams');
  table(groupColumns('Team'), groupRows(report.teams));
  const agents =
    report.agents.length <= 10 ? report.agents : [...report.agents.slice(0, 5), ...report.agents.slice(-5)];
  heading(report.agents.length > 10 ? 'Agents (best and weakest five)' : 'Agents');
  table(groupColumns('Agent'), groupRows(agents));

  heading('Complaints');
  const c = report.complaints;
  paragraph(
    `${formatCount(c.received)} received; acknowledged within target ${formatPercent(c.acknowledged_within_target)}, resolved within target ${formatPercent(c.resolved_within_target)}, median time to resolve ${c.time_to_resolve_median === null ? '\u2014' : formatDuration(c.time_to_resolve_median)}.`,
  );
  table(
    [
      { title: 'Topic', width: 60 },
      { title: 'Complaints', width: 20, numeric: true },
      { title: 'Share', width: 20, numeric: true },
    ],
    report.topics.map((topic) => [
      topic.label || topic.topic,
      formatCount(topic.count),
      formatPercent(topic.share),
    ]),
  );

  heading('Most failed AutoQA checks');
  table(
    [
      { title: 'Check', width: 46 },
      { title: 'Failed', width: 18, numeric: true },
      { title: 'Applied', width: 18, numeric: true },
      { title: 'Fail rate', width: 18, numeric: true },
    ],
    report.checks.map((check) => [
      check.label,
      formatCount(check.failed),
      formatCount(check.decided),
      formatPercent(check.fail_rate),
    ]),
  );
  doc.end();
  return done;
}
