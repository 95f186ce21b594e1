/** Schemas of coaching sessions in the HTTP API, and the statuses a session has. */
import Type from 'typebox';

/** Where a session stands. */
export const COACHING_STATUSES = ['planned', 'held', 'closed'] as const;

/** A status of a coaching session. */
export type CoachingStatus = (typeof COACHING_STATUSES)[number];

const Time = Type.String({ format: 'date-time' });

/** One action item the agent takes away. */
export const ActionItemSchema = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2000 }), done: Type.Boolean() },
  { additionalProperties: false },
);

const SessionFields = {
  focus: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: 50,
      description: 'scorecard category keys the session works on',
    }),
  ),
  notes: Type.Optional(Type.String({ maxLength: 50_000 })),
  action_items: Type.Optional(Type.Array(ActionItemSchema, { maxItems: 100 })),
  follow_up_at: Type.Optional(Type.Union([Time, Type.Null()], { description: 'when to check again' })),
  status: Type.Optional(
    Type.Enum([...COACHING_STATUSES], { description: 'default: planned if held_at is ahead, else held' }),
  ),
  review_ids: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1 }), {
      maxItems: 100,
      description: 'submitted reviews of this agent the session discusses',
    }),
  ),
};

/** Body of `POST /coaching`. */
export const CreateCoachingSchema = Type.Object(
  {
    agent_id: Type.Integer({ minimum: 1, description: 'the internal agent id' }),
    held_at: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
    ...SessionFields,
  },
  { additionalProperties: false },
);

/** Body of `PATCH /coaching/:id`; absent fields stay, `review_ids` replaces the linked reviews. */
export const UpdateCoachingSchema = Type.Object(
  { held_at: Type.Optional(Time), ...SessionFields },
  { additionalProperties: false },
);

/** Query of `GET /coaching`. */
export const ListCoachingQuerySchema = Type.Object({
  agent_id: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Enum([...COACHING_STATUSES])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
