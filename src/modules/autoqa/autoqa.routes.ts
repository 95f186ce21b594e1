/** HTTP routes of AutoQA: a conversation's analysis, the settings, and the QA queue. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import type { AppServices } from '../../http/services.js';
import { AutoQaRepository } from './autoqa.repository.js';
import { loadEngineSettings, saveEngineSettings } from './autoqa.settings.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const SettingsSchema = Type.Object(
  {
    disabledChecks: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
    extraPhrases: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 8 }),
        Type.Record(
          Type.String({ maxLength: 64 }),
          Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 }),
        ),
      ),
    ),
    jargon: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 8 }),
        Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5000 }),
      ),
    ),
    firstResponseTargetS: Type.Optional(
      Type.Record(Type.String({ maxLength: 32 }), Type.Number({ minimum: 0 })),
    ),
    followUpHours: Type.Optional(Type.Number({ minimum: 1, maximum: 720 })),
    talkOverMinOverlapS: Type.Optional(Type.Number({ minimum: 0, maximum: 60 })),
    talkOverMaxCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    longSilenceS: Type.Optional(Type.Number({ minimum: 1, maximum: 3600 })),
    talkRatioMax: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    criticalChecks: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
    redactStoredText: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Registers the AutoQA routes. */
export async function autoqaRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const repository = new AutoQaRepository(services.database.kysely);

  app.get(
    '/conversations/:id/analysis',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: "A conversation's AutoQA analysis: checks with evidence, sentiment, complaint, flags",
        tags: ['autoqa'],
        params: IdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      // Visibility follows the conversation: an agent sees only their own.
      if (!(await services.conversations.get(principalOf(request), id))) throw notFound(`conversation ${id}`);
      const analysis = await repository.analysisOf(id);
      if (!analysis) throw notFound(`analysis of conversation ${id} (not analysed yet)`);
      return analysis;
    },
  );

  app.get(
    '/autoqa/settings',
    { preHandler: allow('admin', 'manager'), schema: { summary: 'AutoQA settings', tags: ['autoqa'] } },
    async () => loadEngineSettings(services.database),
  );

  app.patch(
    '/autoqa/settings',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Change AutoQA settings; conversations are analysed again under the new settings',
        tags: ['autoqa'],
        body: SettingsSchema,
      },
    },
    async (request) => saveEngineSettings(services.database, request.body as never),
  );

  app.get(
    '/qa-queue',
    {
      preHandler: allow('admin', 'manager', 'reviewer', 'lead'),
      schema: {
        summary: 'Conversations flagged for review, newest first, with the reasons',
        tags: ['autoqa'],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
      },
    },
    async (request) => {
      const { limit } = request.query as { limit?: number };
      const rows = await services.database.kysely
        .selectFrom('qa_queue')
        .innerJoin('conversations', 'conversations.id', 'qa_queue.conversation_id')
        .select([
          'qa_queue.conversation_id',
          'conversations.external_id',
          'conversations.channel',
          'qa_queue.reasons',
          'qa_queue.created_at',
        ])
        .where('qa_queue.status', '=', 'open')
        .orderBy('qa_queue.created_at', 'desc')
        .orderBy('qa_queue.conversation_id', 'desc')
        .limit(limit ?? 50)
        .execute();
      return rows.map((row) => ({
        conversation_id: row.conversation_id,
        external_id: row.external_id,
        channel: row.channel,
        reasons: JSON.parse(row.reasons) as string[],
        queued_at: new Date(row.created_at).toISOString(),
      }));
    },
  );
}
