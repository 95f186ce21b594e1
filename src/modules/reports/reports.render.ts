/**
 * Renders a report in one of the formats. The PDF and XLSX libraries are loaded only when
 * asked for, so commands and servers that never make those files do not pay for them.
 */
import type { ReportData } from './report-data.js';
import type { ReportFormat } from './reports.service.js';

/** The report's bytes in `format`. */
export async function renderReport(report: ReportData, format: ReportFormat): Promise<Buffer> {
  if (format === 'html') {
    const { renderHtml } = await import('./reports.html.js');
    return Buffer.from(renderHtml(report), 'utf8');
  }
  if (format === 'csv') {
    const { renderCsv } = await import('./reports.csv.js');
    return Buffer.from(renderCsv(report), 'utf8');
  }
  if (format === 'pdf') {
    const { renderPdf } = await import('./reports.pdf.js');
    return renderPdf(report);
  }
  const { renderXlsx } = await import('./reports.xlsx.js');
  return renderXlsx(report);
}
