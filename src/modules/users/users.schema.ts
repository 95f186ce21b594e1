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
});
export type PublicUser = Type.Static<typeof UserSchema>;

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
