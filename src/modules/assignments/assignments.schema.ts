/** Schemas of sampling rules and assignments in the HTTP API. */
import Type from 'typebox';

const Names = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 });

/** What a sampling rule looks for. */
export const SamplingFiltersSchema = Type.Object(
  {
    channels: Type.Optional(Names),
    teams: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { description: 'team names' }),
    ),
    languages: Type.Optional(Names),
    lowRating: Type.Optional(Type.Boolean({ description: 'a rating in the bottom two points of its scale' })),
    complaint: Type.Optional(Type.Boolean({ description: 'a complaint, marked in the data or detected' })),
    negativeSentiment: Type.Optional(Type.Boolean({ description: 'the customer ended negative' })),
    minHandleS: Type.Optional(Type.Number({ minimum: 0, description: 'handling time at least this long' })),
    failedChecks: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 50,
        description: 'failed one of these AutoQA checks',
      }),
    ),
    flagged: Type.Optional(Type.Boolean({ description: 'flagged by AutoQA' })),
  },
  { additionalProperties: false },
);

/** Body of a new or changed sampling rule. */
export const SamplingRuleSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    scorecard_id: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the default scorecard' })),
    per_agent: Type.Integer({ minimum: 1, maximum: 1000, description: 'conversations per agent per week' }),
    filters: Type.Optional(SamplingFiltersSchema),
    reviewer_ids: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), {
        maxItems: 500,
        description: 'default: every user with the reviewer role',
      }),
    ),
    due_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

/** Body of `PATCH /assignments/:id`. */
export const UpdateAssignmentSchema = Type.Object(
  {
    reviewer_user_id: Type.Optional(Type.Integer({ minimum: 1 })),
    due_at: Type.Optional(Type.String({ format: 'date-time' })),
    status: Type.Optional(Type.Enum(['open', 'cancelled'])),
  },
  { additionalProperties: false },
);
