/** `GET /reports` (the report file of a period) and `GET`/`PUT /reports/schedule`. */
import type { FastifyInstance } from 'fastify';
import { allow } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { renderReport } from './reports.render.js';
import { ReportQuerySchema, ReportScheduleChangeSchema, ReportScheduleSchema } from './reports.schema.js';
import {
  REPORT_CONTENT_TYPES,
  type ReportFormat,
  ReportsService,
  reportFileName,
} from './reports.service.js';
import { type ReportScheduleChange, ReportScheduleSettings } from './reports.settings.js';

const tags = ['reports'];

/** Registers the report routes. */
export async function reportRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const reports = new ReportsService(services.database);
  const schedule = new ReportScheduleSettings(services.database.kysely);

  app.get(
    '/reports',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary:
          'The KPI report of a period as a file: KPIs against goals and the previous period, trend, best and weakest teams and agents, complaint topics, failed AutoQA checks, summary',
        tags,
        querystring: ReportQuerySchema,
      },
    },
    async (request, reply) => {
      const query = request.query as {
        period: string;
        format?: ReportFormat;
        team?: string;
        channel?: string;
        minimum_count?: number;
      };
      const format = query.format ?? 'html';
      const report = await reports.build({
        period: query.period,
        team: query.team,
        channel: query.channel,
        minimumCount: query.minimum_count,
      });
      const content = await renderReport(report, format);
      return reply
        .type(REPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`)
        .send(content);
    },
  );

  app.get(
    '/reports/schedule',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary:
          'Scheduled reports: frequencies, folder, formats, recipients, SMTP server (never its password)',
        tags,
        response: { 200: ReportScheduleSchema },
      },
    },
    async () => schedule.view(),
  );

  app.put(
    '/reports/schedule',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary:
          'Changes scheduled reports; a frequency switched on starts with the next period that ends. smtp.password is write-only',
        tags,
        body: ReportScheduleChangeSchema,
        response: { 200: ReportScheduleSchema },
      },
    },
    async (request) => schedule.save(request.body as ReportScheduleChange),
  );
}
