/** Schemas of goals in the HTTP API. */
import Type from 'typebox';
import { GOAL_SCOPES } from '../../domain/goals.js';

const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD in the organisation time zone' });

/** Body of `POST /goals`. */
export const CreateGoalSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 50, description: 'metric id, e.g. csat' }),
    scope: Type.String({ maxLength: 20, description: GOAL_SCOPES.join(', ') }),
    scope_value: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: 'team name, agent id in the source system, or channel; none for the organisation',
      }),
    ),
    target: Type.Number(),
    valid_from: Type.Optional(
      Type.String({ maxLength: 10, description: 'first day in force, YYYY-MM-DD (default: today)' }),
    ),
    valid_to: Type.Optional(Type.Union([Day, Type.Null()], { description: 'last day in force; null: open' })),
  },
  { additionalProperties: false },
);

/** Body of `PATCH /goals/:id`: absent fields stay. */
export const UpdateGoalSchema = Type.Object(
  {
    metric: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    scope: Type.Optional(Type.String({ maxLength: 20 })),
    scope_value: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    target: Type.Optional(Type.Number()),
    valid_from: Type.Optional(Day),
    valid_to: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false },
);

/** Query of `GET /goals`. */
export const ListGoalsQuerySchema = Type.Object({
  metric: Type.Optional(Type.String({ maxLength: 50 })),
  scope: Type.Optional(Type.Enum([...GOAL_SCOPES])),
  on: Type.Optional(Type.String({ format: 'date', description: 'only goals in force on this day' })),
});
