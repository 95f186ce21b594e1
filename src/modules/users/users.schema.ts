/** Schemas of users, roles and sign-in. */
import Type from 'typebox';

/** Roles, from most to least powerful. */
export const ROLES = ['admin', 'manager', 'reviewer', 'lead', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const UserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Enum(ROLES),
  agent_id: Type.Union([Type.String({ description: 'the agent id in the source system' }), Type.Null()]),
  disabled: Type.Boolean({ description: 'a disabled user cannot sign in and their API tokens are refused' }),
});
export type PublicUser = Type.Static<typeof UserSchema>;

/** A colleague as the staff directory shows them: no e-mail address. */
export const DirectoryEntrySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: Type.Enum(ROLES),
});
export type DirectoryEntry = Type.Static<typeof DirectoryEntrySchema>;

export const LoginBodySchema = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

export const SessionResponseSchema = Type.Object({ user: UserSchema, csrf_token: Type.String() });

export const CreateUserBodySchema = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: Type.Enum(ROLES),
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 1024 })),
  agent_id: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
});

export const CreateTokenBodySchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export const TokenResponseSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  token: Type.String({ description: 'shown once; only its hash is stored' }),
});

const IsoOrNull = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** Body of `PATCH /users/:id`: absent fields stay. */
export const UpdateUserBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(Type.Enum(ROLES)),
    agent_id: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 512 }), Type.Null()], {
        description: 'the agent id in the source system; required for the agent role, null unlinks',
      }),
    ),
    disabled: Type.Optional(
      Type.Boolean({ description: 'true ends the sessions and refuses the API tokens until enabled again' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Body of `POST /users/:id/password`. */
export const SetPasswordBodySchema = Type.Object(
  {
    password: Type.Optional(
      Type.String({ minLength: 10, maxLength: 1024, description: 'generated and returned once when absent' }),
    ),
  },
  { additionalProperties: false },
);

/** Answer of `POST /users/:id/password`. */
export const SetPasswordResponseSchema = Type.Object({
  password: Type.Union([Type.String(), Type.Null()], {
    description: 'the generated password, shown once; null when the request gave one',
  }),
});

/** An API token as listed: never the secret nor its hash. */
export const TokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'the token starts with kv_<prefix>_' }),
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: IsoOrNull,
  revoked_at: IsoOrNull,
  user_id: Type.Integer(),
  owner_email: Type.String(),
});
export type TokenView = Type.Static<typeof TokenSchema>;

/** Query of `GET /tokens`. */
export const ListTokensQuerySchema = Type.Object({
  all: Type.Optional(Type.Boolean({ description: "admins: every user's tokens" })),
});
