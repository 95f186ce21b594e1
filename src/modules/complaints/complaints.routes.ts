/** HTTP routes of the complaints and suggestions register. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  RESOLUTION_TYPES,
  SEVERITIES,
  SUGGESTION_EVALUATIONS,
} from '../../domain/complaint-lifecycle.js';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import {
  COMPLAINT_SORTS,
  type ComplaintFilters,
  type CreateComplaintInput,
  type TransitionInput,
  type UpdateComplaintInput,
} from './complaints.service.js';
import {
  type ComplaintSettings,
  loadComplaintSettings,
  saveComplaintSettings,
} from './complaints.settings.js';
import { ACTION_STATUSES, type CorrectiveActionInput } from './corrective-actions.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['complaints'];
const Text = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const Satisfied = Type.Enum(['yes', 'no', 'unknown']);
const WORKERS = ['admin', 'manager', 'lead', 'reviewer', 'agent'] as const;

/** Registers the register's routes. */
export async function complaintRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const complaints = services.complaints;

  app.get(
    '/complaints',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'The register (agents: entries they own or that are about them); overdue=true for the late ones; with_total=true answers {items, total, limit, offset} instead of the array',
        tags,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(COMPLAINT_STATUSES)),
          kind: Type.Optional(Type.Enum(COMPLAINT_KINDS)),
          severity: Type.Optional(Type.Enum(SEVERITIES)),
          category: Type.Optional(Type.String({ maxLength: 200 })),
          owner_id: Type.Optional(Type.Integer({ minimum: 1 })),
          open: Type.Optional(Type.Boolean()),
          overdue: Type.Optional(Type.Boolean()),
          from: Type.Optional(Type.String({ format: 'date-time', description: 'received at or after' })),
          to: Type.Optional(Type.String({ format: 'date-time', description: 'received before' })),
          topic: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 500,
              description: 'a topic key of GET /complaints/topics (unclassified: complaints not grouped)',
            }),
          ),
          sort: Type.Optional(
            Type.Enum(COMPLAINT_SORTS, {
              description:
                'due: overdue, then open by the deadline that matters now, then settled; -received: newest first (the default; due with overdue=true)',
            }),
          ),
          with_total: Type.Optional(Type.Boolean({ description: 'answer {items, total, limit, offset}' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
      },
    },
    async (request) => {
      // The bare array stays the default answer: the board and older clients read it.
      const { with_total: withTotal, ...filters } = request.query as ComplaintFilters & {
        with_total?: boolean;
      };
      const principal = principalOf(request);
      return withTotal ? complaints.listPage(principal, filters) : complaints.list(principal, filters);
    },
  );

  app.post(
    '/complaints',
    {
      preHandler: allow(...WORKERS),
      schema: {
        summary:
          'Record a complaint, suggestion or compliment; the same customer and category within the window joins the open one (200) instead of a new entry (201)',
        tags,
        body: Type.Object(
          {
            kind: Type.Optional(Type.Enum(COMPLAINT_KINDS)),
            received_at: Type.Optional(Type.String({ format: 'date-time' })),
            channel: Type.Optional(Text(50)),
            conversation_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
            customer_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
            contact_name: Type.Optional(Text(200)),
            contact_email: Type.Optional(Text(320)),
            contact_phone: Type.Optional(Text(50)),
            description: Type.String({ minLength: 1, maxLength: 20000 }),
            product: Type.Optional(Text(200)),
            category: Type.Optional(Text(200)),
            severity: Type.Optional(Type.Enum(SEVERITIES)),
            remedy_sought: Type.Optional(Text(5000)),
            owner_user_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
            department: Type.Optional(Text(200)),
            subject_agent_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const created = await complaints.create(
        principalOf(request),
        request.body as CreateComplaintInput,
        'api',
      );
      return reply.status(created.linked_to_existing ? 200 : 201).send(created);
    },
  );

  app.get(
    '/complaints/settings',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'Deadlines, business hours, taxonomies, intake (the webhook URL only for admins and managers)',
        tags,
      },
    },
    async (request) => {
      const settings = await loadComplaintSettings(services.database.kysely);
      // The URL may carry a secret token; only those who may change it see it.
      const manager = ['admin', 'manager'].includes(principalOf(request).role);
      return manager
        ? settings
        : { ...settings, escalationWebhookUrl: settings.escalationWebhookUrl ? '(set)' : '' };
    },
  );

  app.patch(
    '/complaints/settings',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Change the register settings',
        tags,
        body: Type.Object(
          {
            deadlines: Type.Optional(
              Type.Record(
                Type.Enum(SEVERITIES),
                Type.Object(
                  {
                    acknowledgeHours: Type.Number({ exclusiveMinimum: 0, maximum: 10000 }),
                    resolveHours: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }),
                  },
                  { additionalProperties: false },
                ),
              ),
            ),
            hoursMode: Type.Optional(Type.Enum(['business', 'calendar'])),
            businessDays: Type.Optional(
              Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }),
            ),
            businessStart: Type.Optional(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })),
            businessEnd: Type.Optional(Type.String({ pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' })),
            holidays: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 1000 })),
            duplicateWindowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            autoqaIntake: Type.Optional(Type.Enum(['candidates', 'records', 'off'])),
            escalationWebhookUrl: Type.Optional(Type.String({ maxLength: 2000 })),
            categories: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 }),
            ),
            rootCauses: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      saveComplaintSettings(services.database.kysely, request.body as Partial<ComplaintSettings>),
  );

  app.get(
    '/complaints/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'An entry with its conversations, history, notes and communication log',
        tags,
        params: IdParams,
      },
    },
    async (request) => complaints.get(principalOf(request), (request.params as { id: number }).id),
  );

  app.patch(
    '/complaints/:id',
    {
      preHandler: allow(...WORKERS),
      schema: {
        summary:
          'Change owner, severity (deadlines follow), category, department, product, description, evaluation',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            owner_user_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
            severity: Type.Optional(Type.Enum(SEVERITIES)),
            category: Type.Optional(Text(200)),
            department: Type.Optional(Text(200)),
            product: Type.Optional(Text(200)),
            description: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
            remedy_sought: Type.Optional(Text(5000)),
            evaluation: Type.Optional(Type.Union([Type.Enum(SUGGESTION_EVALUATIONS), Type.Null()])),
            customer_satisfied: Type.Optional(Satisfied),
            revision: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      complaints.update(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as UpdateComplaintInput,
      ),
  );

  app.post(
    '/complaints/:id/transitions',
    {
      preHandler: allow(...WORKERS),
      schema: {
        summary:
          'Move an entry: acknowledged, investigating, resolved (with resolution), closed, reopened, withdrawn, rejected (with reason)',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            to: Type.Enum(COMPLAINT_STATUSES),
            reason: Type.Optional(Text(5000)),
            root_cause: Type.Optional(Text(200)),
            resolution_type: Type.Optional(Type.Union([Type.Enum(RESOLUTION_TYPES), Type.Null()])),
            resolution_amount: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
            resolution_currency: Type.Optional(Text(3)),
            customer_satisfied: Type.Optional(Satisfied),
            revision: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      complaints.transition(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as TransitionInput,
      ),
  );

  app.post(
    '/complaints/:id/notes',
    {
      preHandler: allow(...WORKERS),
      schema: {
        summary: 'Add an investigation note',
        tags,
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 20000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await complaints.addNote(
            principalOf(request),
            (request.params as { id: number }).id,
            (request.body as { text: string }).text,
          ),
        ),
  );

  app.post(
    '/complaints/:id/communications',
    {
      preHandler: allow(...WORKERS),
      schema: {
        summary: 'Log what the customer was told or said, when and how',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            direction: Type.Enum(['to_customer', 'from_customer']),
            channel: Type.String({ minLength: 1, maxLength: 50 }),
            summary: Type.String({ minLength: 1, maxLength: 20000 }),
            at: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await complaints.addCommunication(
            principalOf(request),
            (request.params as { id: number }).id,
            request.body as never,
          ),
        ),
  );

  app.post(
    '/complaints/escalations/run',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Escalate every missed deadline now (each once); the server also does it every minute',
        tags,
      },
    },
    async () => complaints.escalateOverdue(),
  );

  app.get(
    '/complaint-candidates',
    {
      preHandler: allow('admin', 'manager', 'lead', 'reviewer'),
      schema: {
        summary: 'Conversations AutoQA detected as complaints, waiting to be accepted or dismissed',
        tags,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(['pending', 'accepted', 'dismissed'])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
      },
    },
    async (request) => {
      const query = request.query as { status?: string; limit?: number };
      return complaints.candidates(query.status, query.limit);
    },
  );

  app.post(
    '/complaint-candidates/:id/decision',
    {
      preHandler: allow('admin', 'manager', 'lead', 'reviewer'),
      schema: {
        summary:
          "Accept a candidate (a record, or joins the customer's open complaint) or dismiss it; :id is the conversation",
        tags,
        params: IdParams,
        body: Type.Object({ decision: Type.Enum(['accept', 'dismiss']) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      complaints.decideCandidate(
        principalOf(request),
        (request.params as { id: number }).id,
        (request.body as { decision: 'accept' | 'dismiss' }).decision,
      ),
  );

  app.get(
    '/complaints/figures',
    {
      preHandler: allow('admin', 'manager', 'lead', 'reviewer', 'viewer'),
      schema: {
        summary:
          'Complaint rate per 1,000 conversations, acknowledged and resolved within target %, median time to resolve, reopened %, resolution types, top recurring topics',
        tags,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
      },
    },
    async (request) => {
      const query = request.query as { from?: string; to?: string };
      const to = query.to ? Date.parse(query.to) : Date.now();
      const from = query.from ? Date.parse(query.from) : to - 30 * 86_400_000;
      const [figures, topics] = await Promise.all([
        complaints.figures({ from, to }),
        services.topics.overview({ from, to }),
      ]);
      return {
        ...figures,
        recurring_topics: topics.topics
          .slice(0, 10)
          .map((t) => ({ topic: t.topic, label: t.label, count: t.count })),
      };
    },
  );

  app.get(
    '/complaints/topics',
    {
      preHandler: allow('admin', 'manager', 'lead', 'reviewer', 'viewer'),
      schema: {
        summary:
          'Recurring problems: complaints per topic, share and cumulative share (Pareto), weekly trend, spikes',
        tags,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          weeks: Type.Optional(Type.Integer({ minimum: 9, maximum: 104, default: 12 })),
        }),
      },
    },
    async (request) => {
      const query = request.query as { from?: string; to?: string; weeks?: number };
      return services.topics.overview({
        from: query.from ? Date.parse(query.from) : undefined,
        to: query.to ? Date.parse(query.to) : undefined,
        weeks: query.weeks,
      });
    },
  );

  app.post(
    '/complaints/topics/refresh',
    {
      preHandler: allow('admin', 'manager'),
      schema: { summary: "Cluster the last year's complaints into topics again now", tags },
    },
    async () => services.topics.refresh(),
  );

  const ActionBody = {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Type.String({ maxLength: 20000 })),
    owner_user_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    due_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    status: Type.Optional(Type.Enum(ACTION_STATUSES)),
    topics: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 })),
    complaint_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 })),
    effective_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    outcome: Type.Optional(Type.String({ maxLength: 20000 })),
  };

  app.get(
    '/corrective-actions',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'Corrective actions: open, in progress, done, cancelled, each by due date (none last); with the number of linked complaints',
        tags: ['corrective actions'],
      },
    },
    async () => services.correctiveActions.list(),
  );

  app.post(
    '/corrective-actions',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary: 'Open a corrective action for recurring topics and complaints',
        tags: ['corrective actions'],
        body: Type.Object(ActionBody, { additionalProperties: false }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await services.correctiveActions.create(
            principalOf(request),
            request.body as CorrectiveActionInput,
          ),
        ),
  );

  app.get(
    '/corrective-actions/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'An action with its complaints and its effect: complaint rate on its topics before and after, with a test',
        tags: ['corrective actions'],
        params: IdParams,
        querystring: Type.Object({
          window_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 28 })),
        }),
      },
    },
    async (request) =>
      services.correctiveActions.get(
        (request.params as { id: number }).id,
        (request.query as { window_days?: number }).window_days,
      ),
  );

  app.patch(
    '/corrective-actions/:id',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary: 'Change an action; done records when it took effect',
        tags: ['corrective actions'],
        params: IdParams,
        body: Type.Object(
          { ...ActionBody, title: Type.Optional(ActionBody.title) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      services.correctiveActions.update(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as CorrectiveActionInput,
      ),
  );

  app.get(
    '/notifications',
    {
      preHandler: allow(...ANY_ROLE),
      schema: { summary: 'Your unread notifications (escalations)', tags: ['notifications'] },
    },
    async (request) => complaints.notifications(principalOf(request)),
  );
}
