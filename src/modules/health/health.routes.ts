/** Liveness and readiness: answers without signing in, says whether the database answers. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';
import type { AppServices } from '../../http/services.js';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.String(),
  version: Type.String(),
});

/** Registers `GET /health`. */
export async function healthRoutes(
  app: FastifyInstance,
  services: AppServices,
  version: string,
): Promise<void> {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { summary: 'Health', tags: ['system'], response: { 200: HealthSchema, 503: HealthSchema } },
    },
    async (_request, reply) => {
      const database = services.database.dialect.name;
      try {
        await sql`select 1`.execute(services.database.kysely);
        return { status: 'ok', database, version };
      } catch {
        return reply.status(503).send({ status: 'degraded', database, version });
      }
    },
  );
}
