/** HTTP routes of reviews and disputes. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import {
  CreateReviewSchema,
  DecisionSchema,
  DisputeSchema,
  ListReviewsQuerySchema,
  UpdateReviewSchema,
} from './reviews.schema.js';
import type { CreateReviewInput, DisputeDecisionInput, UpdateReviewInput } from './reviews.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['reviews'];

/** Registers the review and dispute routes. */
export async function reviewRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const reviews = services.reviews;

  app.get(
    '/conversations/:id/review-draft',
    {
      preHandler: allow('admin', 'manager', 'reviewer', 'lead', 'agent'),
      schema: {
        summary: 'Start a review: the scorecard, the categories that apply, and AutoQA pre-filled ratings',
        tags,
        params: IdParams,
        querystring: Type.Object({ scorecard_id: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { scorecard_id } = request.query as { scorecard_id?: number };
      return reviews.draft(principalOf(request), id, scorecard_id);
    },
  );

  app.post(
    '/reviews',
    {
      preHandler: allow('admin', 'manager', 'reviewer', 'lead', 'agent'),
      schema: {
        summary: 'Create a review (manual; agents: self-review) as a draft or submitted',
        tags,
        body: CreateReviewSchema,
      },
    },
    async (request, reply) => {
      const created = await reviews.create(principalOf(request), request.body as CreateReviewInput);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/reviews',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'Reviews you may see, newest first (agents: submitted reviews of their conversations)',
        tags,
        querystring: ListReviewsQuerySchema,
      },
    },
    async (request) => reviews.list(principalOf(request), request.query as never),
  );

  app.get(
    '/reviews/trends',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'Review scores per week or month, overall and per category, of an agent (agents: their own) or a team',
        tags,
        querystring: Type.Object({
          agent_id: Type.Optional(Type.Integer({ minimum: 1 })),
          team: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          by: Type.Optional(Type.Enum(['week', 'month'], { default: 'week' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
      },
    },
    async (request) => reviews.trends(principalOf(request), request.query as never),
  );

  app.get(
    '/reviews/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'A review with its ratings, scorecard version, audit trail and disputes',
        tags,
        params: IdParams,
      },
    },
    async (request) => reviews.get(principalOf(request), (request.params as { id: number }).id),
  );

  app.patch(
    '/reviews/:id',
    {
      preHandler: allow('admin', 'manager', 'reviewer', 'lead', 'agent'),
      schema: {
        summary: 'Edit a review; `revision` must be the current one (else 409 with current_revision)',
        tags,
        params: IdParams,
        body: UpdateReviewSchema,
      },
    },
    async (request) =>
      reviews.update(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as UpdateReviewInput,
      ),
  );

  app.post(
    '/reviews/:id/acknowledge',
    {
      preHandler: allow('agent'),
      schema: { summary: 'The reviewed agent acknowledges the review', tags, params: IdParams },
    },
    async (request) => reviews.acknowledge(principalOf(request), (request.params as { id: number }).id),
  );

  app.post(
    '/reviews/:id/disputes',
    {
      preHandler: allow('agent'),
      schema: {
        summary: 'The reviewed agent disputes the review (or some categories) within the dispute window',
        tags,
        params: IdParams,
        body: DisputeSchema,
      },
    },
    async (request, reply) => {
      const dispute = await reviews.dispute(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as { reason: string; categories?: string[] },
      );
      return reply.status(201).send(dispute);
    },
  );

  app.get(
    '/disputes',
    {
      preHandler: allow('admin', 'manager', 'lead', 'agent'),
      schema: {
        summary: 'Disputes, oldest first (agents: their own)',
        tags,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(['open', 'accepted', 'partially_accepted', 'rejected'])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
      },
    },
    async (request) =>
      reviews.disputes(principalOf(request), request.query as { status?: string; limit?: number }),
  );

  app.post(
    '/disputes/:id/decision',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Rule on a dispute; accepting applies the new ratings and re-scores the review',
        tags,
        params: IdParams,
        body: DecisionSchema,
      },
    },
    async (request) =>
      reviews.decide(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as DisputeDecisionInput,
      ),
  );
}
