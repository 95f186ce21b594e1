/** Schemas of reviews and disputes in the HTTP API. */
import Type from 'typebox';

/** One category rating. */
export const RatingSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64 }),
    rating: Type.Union([Type.Number(), Type.Null()], { description: 'a point of the scale; null with na' }),
    na: Type.Optional(Type.Boolean()),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    root_cause: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Ratings = Type.Array(RatingSchema, { maxItems: 200 });
const Comment = Type.Union([Type.String({ maxLength: 20000 }), Type.Null()]);

/** Body of `POST /reviews`. */
export const CreateReviewSchema = Type.Object(
  {
    conversation_id: Type.Integer({ minimum: 1 }),
    scorecard_id: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the default scorecard' })),
    kind: Type.Optional(Type.Enum(['manual', 'self'], { default: 'manual' })),
    ratings: Ratings,
    comment: Type.Optional(Comment),
    submit: Type.Optional(
      Type.Boolean({ description: 'submit now (every applicable category rated or N/A)' }),
    ),
  },
  { additionalProperties: false },
);

/** Body of `PATCH /reviews/:id`. */
export const UpdateReviewSchema = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'the revision you edited; a newer one answers 409' }),
    ratings: Type.Optional(Ratings),
    comment: Type.Optional(Comment),
    submit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Query of `GET /reviews`. */
export const ListReviewsQuerySchema = Type.Object({
  conversation_id: Type.Optional(Type.Integer({ minimum: 1 })),
  agent_id: Type.Optional(Type.Integer({ minimum: 1 })),
  reviewer_id: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Type.Optional(Type.Enum(['manual', 'auto', 'self', 'calibration'])),
  status: Type.Optional(Type.Enum(['draft', 'submitted'])),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  before_id: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

/** Body of `POST /reviews/:id/disputes`. */
export const DisputeSchema = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 5000 }),
    categories: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);

/** Body of `POST /disputes/:id/decision`. */
export const DecisionSchema = Type.Object(
  {
    decision: Type.Enum(['accepted', 'partially_accepted', 'rejected']),
    comment: Type.Optional(Comment),
    ratings: Type.Optional(Ratings),
  },
  { additionalProperties: false },
);
