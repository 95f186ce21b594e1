/** HTTP routes of conversations: list, read one, and ingest. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import { HttpError, notFound } from '../../http/errors.js';
import type { AppServices } from '../../http/services.js';
import { ingestItems } from '../ingest/ingest.service.js';
import {
  ConversationDetailSchema,
  ConversationInputSchema,
  ConversationListQuerySchema,
  ConversationListSchema,
  IngestResultSchema,
} from './conversations.schema.js';
import { ConversationQueryError } from './conversations.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const NDJSON = 'application/x-ndjson';
/** Most items one request may carry; larger loads go through `kvalita import` or several requests. */
const MAX_ITEMS = 5000;

function ndjsonItems(body: string) {
  const items: Array<{ raw?: unknown; line: number; parseError?: string }> = [];
  body.split('\n').forEach((text, index) => {
    if (text.trim() === '') return;
    try {
      items.push({ raw: JSON.parse(text), line: index + 1 });
    } catch (error) {
      items.push({ line: index + 1, parseError: `not valid JSON: ${(error as Error).message}` });
    }
  });
  return items;
}

/** Registers the conversation routes. */
export async function conversationRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  app.addContentTypeParser(NDJSON, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get(
    '/conversations',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'List conversations',
        description: 'Filters combine with AND. Agents see only their own conversations. Paging by cursor.',
        tags: ['conversations'],
        querystring: ConversationListQuerySchema,
        response: { 200: ConversationListSchema },
      },
    },
    async (request) => {
      try {
        return await services.conversations.list(principalOf(request), request.query as never);
      } catch (error) {
        if (error instanceof ConversationQueryError) {
          throw new HttpError(400, 'validation', error.message, [
            { field: `querystring.${error.field}`, reason: error.reason },
          ]);
        }
        throw error;
      }
    },
  );

  app.get(
    '/conversations/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'One conversation with its messages and feedback',
        tags: ['conversations'],
        params: IdParams,
        response: { 200: ConversationDetailSchema },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const conversation = await services.conversations.get(principalOf(request), id);
      if (!conversation) throw notFound(`conversation ${id}`);
      return conversation;
    },
  );

  app.post(
    '/conversations',
    {
      preHandler: allow('admin', 'manager'),
      // Items are validated one by one so that the good ones are stored and each bad one is
      // reported with its own reasons; the schema below documents the body.
      validatorCompiler: () => (value) => ({ value }),
      schema: {
        summary: 'Store conversations (one object, an array, or NDJSON)',
        description:
          'Idempotent: an item with a (source, id) already stored updates it. `source` defaults to `api`. 200 when every item was stored, 207 when some were rejected, 400 when none was stored.',
        tags: ['conversations'],
        body: Type.Union([ConversationInputSchema, Type.Array(ConversationInputSchema)]),
        response: { 200: IngestResultSchema, 207: IngestResultSchema, 400: IngestResultSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const items =
        typeof body === 'string'
          ? ndjsonItems(body)
          : Array.isArray(body)
            ? body.map((raw) => ({ raw }))
            : [{ raw: body }];
      if (items.length === 0)
        throw new HttpError(400, 'validation', 'the body holds no conversation', [
          { field: 'body', reason: 'empty' },
        ]);
      if (items.length > MAX_ITEMS) {
        throw new HttpError(413, 'payload_too_large', `at most ${MAX_ITEMS} conversations per request`);
      }
      const { summary, results } = await ingestItems(services.database, items, 'api');
      const status = summary.rejected === 0 ? 200 : summary.rejected === summary.read ? 400 : 207;
      return reply.status(status).send({
        read: summary.read,
        imported: summary.imported,
        updated: summary.updated,
        rejected: summary.rejected,
        items: results,
      });
    },
  );
}
