/** HTTP routes of sign-in, the current user, users and API tokens. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow, principalOf, SESSION_COOKIE } from '../../http/auth.js';
import { HttpError } from '../../http/errors.js';
import type { AppServices } from '../../http/services.js';
import {
  CreateTokenBodySchema,
  CreateUserBodySchema,
  DirectoryEntrySchema,
  ListTokensQuerySchema,
  LoginBodySchema,
  SessionResponseSchema,
  SetPasswordBodySchema,
  SetPasswordResponseSchema,
  TokenResponseSchema,
  TokenSchema,
  UpdateUserBodySchema,
  UserSchema,
} from './users.schema.js';
import { publicUser, UserInputError } from './users.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Runs `work`, answering a refused field as 400 `validation` with the field under `body.`. */
async function asValidation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) {
      throw new HttpError(400, 'validation', error.message, [
        { field: `body.${error.field}`, reason: error.message },
      ]);
    }
    throw error;
  }
}

/** Registers the routes of users and authentication. */
export async function userRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { users, config } = services;

  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: config.loginAttemptsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request) => request.ip,
        },
      },
      schema: {
        summary: 'Sign in with e-mail and password; sets the session cookie',
        tags: ['auth'],
        body: LoginBodySchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const principal = await users.authenticate(email, password);
      if (!principal) throw new HttpError(401, 'invalid_credentials', 'wrong e-mail or password');
      const session = await users.createSession(principal.id);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        expires: new Date(session.expiresAt),
      });
      return { user: publicUser(principal), csrf_token: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { summary: 'Sign out', tags: ['auth'], response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await users.endSession(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    { schema: { summary: 'The signed-in user', tags: ['auth'], response: { 200: SessionResponseSchema } } },
    async (request) => {
      const principal = principalOf(request);
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await users.resolveSession(token) : null;
      return { user: publicUser(principal), csrf_token: session?.csrfToken ?? '' };
    },
  );

  app.get(
    '/users',
    {
      preHandler: allow('admin'),
      schema: {
        summary: 'All users, disabled ones included',
        tags: ['users'],
        response: { 200: Type.Array(UserSchema) },
      },
    },
    async () => (await users.listAccounts()).map(publicUser),
  );

  app.get(
    '/users/directory',
    {
      preHandler: allow('admin', 'manager', 'reviewer', 'lead', 'viewer'),
      schema: {
        summary: 'Enabled users with their name and role (no e-mail addresses), to pick an owner from',
        tags: ['users'],
        response: { 200: Type.Array(DirectoryEntrySchema) },
      },
    },
    async () => users.directory(),
  );

  app.post(
    '/users',
    {
      preHandler: allow('admin'),
      schema: {
        summary: 'Create a user; a password is generated when none is given and returned once',
        tags: ['users'],
        body: CreateUserBodySchema,
        response: {
          201: Type.Object({ user: UserSchema, password: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        email: string;
        role: string;
        name?: string;
        password?: string;
        agent_id?: string;
      };
      const created = await asValidation(() => users.createUser({ ...body, agentExternalId: body.agent_id }));
      return reply.status(201).send({ user: publicUser(created.user), password: created.password });
    },
  );

  app.patch(
    '/users/:id',
    {
      preHandler: allow('admin'),
      schema: {
        summary:
          'Change a user: name, role, agent link, disabled. One enabled administrator always remains (409); disabling ends the sessions and refuses the API tokens until enabled again',
        tags: ['users'],
        params: IdParams,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const body = request.body as {
        name?: string;
        role?: string;
        agent_id?: string | null;
        disabled?: boolean;
      };
      const updated = await asValidation(() =>
        users.updateUser(id, {
          name: body.name,
          role: body.role,
          agentExternalId: body.agent_id,
          disabled: body.disabled,
        }),
      );
      return publicUser(updated);
    },
  );

  app.post(
    '/users/:id/password',
    {
      preHandler: allow('admin'),
      // No body at all asks for a generated password, as `{}` does.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        summary:
          "Set a user's password (generated and returned once when none is given); ends that user's sessions",
        tags: ['users'],
        params: IdParams,
        body: SetPasswordBodySchema,
        response: { 200: SetPasswordResponseSchema },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const body = (request.body ?? {}) as { password?: string };
      // Changing one's own password keeps the session it was changed from.
      const keep = id === principalOf(request).id ? request.cookies[SESSION_COOKIE] : undefined;
      return { password: await asValidation(() => users.setPassword(id, body.password, keep)) };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        summary: 'Create a personal API token (shown once)',
        tags: ['auth'],
        body: CreateTokenBodySchema,
        response: { 201: TokenResponseSchema },
      },
    },
    async (request, reply) => {
      const { name } = request.body as { name: string };
      return reply.status(201).send(await users.createApiToken(principalOf(request).id, name));
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        summary: "Your API tokens, newest first (admins: everybody's with all=true); never the secret",
        tags: ['auth'],
        querystring: ListTokensQuerySchema,
        response: { 200: Type.Array(TokenSchema) },
      },
    },
    async (request) => {
      const { all } = request.query as { all?: boolean };
      return users.listTokens(principalOf(request), all === true);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        summary: "Revoke an API token (your own; admins: anybody's); revoking again changes nothing",
        tags: ['auth'],
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await users.revokeToken(principalOf(request), (request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );
}
