/** Schemas of teams and agents in the HTTP API. */
import Type from 'typebox';

const TeamName = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'unique among teams regardless of case and surrounding spaces',
});

/** A team as the API shows it. */
export const TeamSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  agent_count: Type.Integer({ description: 'agents whose current team this is' }),
  has_conversations: Type.Boolean({
    description: 'whether any stored conversation was recorded with this team',
  }),
  created_at: Type.String({ format: 'date-time' }),
});
export type TeamView = Type.Static<typeof TeamSchema>;

/** Body of `POST /teams` and `PATCH /teams/:id`. */
export const TeamBodySchema = Type.Object({ name: TeamName }, { additionalProperties: false });

/** An agent as the API shows it. */
export const AgentSchema = Type.Object({
  id: Type.Integer(),
  external_id: Type.String({ description: 'the agent id in the source system' }),
  name: Type.Union([Type.String(), Type.Null()]),
  team_id: Type.Union([Type.Integer(), Type.Null()]),
  team: Type.Union([Type.String(), Type.Null()], { description: "the agent's current team" }),
  user_email: Type.Union([Type.String(), Type.Null()], {
    description: 'the Kvalita user linked to this agent',
  }),
  created_at: Type.String({ format: 'date-time' }),
});
export type AgentView = Type.Static<typeof AgentSchema>;

/** Query of `GET /agents`. */
export const ListAgentsQuerySchema = Type.Object({
  team: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'team id or name' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the name or of the agent id' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

/** Answer of `GET /agents`: one page and how many match in all. */
export const AgentPageSchema = Type.Object({ agents: Type.Array(AgentSchema), total: Type.Integer() });

/** Body of `PATCH /agents/:id`: absent fields stay. */
export const UpdateAgentBodySchema = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    team: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: "id of the agent's new current team; null: none",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
