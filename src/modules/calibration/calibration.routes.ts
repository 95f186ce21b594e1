/** HTTP routes of calibration sessions. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { RatingSchema } from '../reviews/reviews.schema.js';
import type { CreateSessionInput, SessionReviewInput } from './calibration.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['calibration'];
const TAKING_PART = ['admin', 'manager', 'lead', 'reviewer'] as const;

/** Registers the calibration routes. */
export async function calibrationRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const calibration = services.calibration;

  app.get(
    '/calibrations',
    {
      preHandler: allow(...TAKING_PART),
      schema: {
        summary: 'Calibration sessions you lead or take part in (managers: all), newest first',
        tags,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
      },
    },
    async (request) => calibration.list(principalOf(request), (request.query as { limit?: number }).limit),
  );

  app.post(
    '/calibrations',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary: 'Set up a session: conversations, invited reviewers, optional baseline reviewer',
        tags,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            scorecard_id: Type.Optional(Type.Integer({ minimum: 1 })),
            conversation_ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200 }),
            participant_ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 100 }),
            baseline_user_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
            due_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await calibration.create(principalOf(request), request.body as CreateSessionInput)),
  );

  app.get(
    '/calibrations/:id',
    {
      preHandler: allow(...TAKING_PART),
      schema: {
        summary:
          "A session with its conversations and reviewers' progress (others' scores hidden until revealed)",
        tags,
        params: IdParams,
      },
    },
    async (request) => calibration.get(principalOf(request), (request.params as { id: number }).id),
  );

  app.post(
    '/calibrations/:id/reviews',
    {
      preHandler: allow(...TAKING_PART),
      schema: {
        summary: 'Score one of the conversations of the session, blind (edit it with PATCH /reviews/:id)',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            conversation_id: Type.Integer({ minimum: 1 }),
            ratings: Type.Array(RatingSchema, { maxItems: 200 }),
            comment: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
            submit: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await calibration.review(
            principalOf(request),
            (request.params as { id: number }).id,
            request.body as SessionReviewInput,
          ),
        ),
  );

  app.post(
    '/calibrations/:id/reveal',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary: 'Reveal the scores and the agreement figures to every participant',
        tags,
        params: IdParams,
      },
    },
    async (request) => calibration.reveal(principalOf(request), (request.params as { id: number }).id),
  );

  app.get(
    '/calibrations/:id/results',
    {
      preHandler: allow(...TAKING_PART),
      schema: {
        summary:
          "Per category and for the total: Krippendorff's α, pairwise Cohen's κ, each reviewer's deviation from the baseline",
        tags,
        params: IdParams,
      },
    },
    async (request) => calibration.results(principalOf(request), (request.params as { id: number }).id),
  );

  app.get(
    '/calibrations/history/:userId',
    {
      preHandler: allow(...TAKING_PART),
      schema: {
        summary: "A reviewer's deviation and the session's α across revealed sessions",
        tags,
        params: Type.Object({ userId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) =>
      calibration.history(principalOf(request), (request.params as { userId: number }).userId),
  );
}
