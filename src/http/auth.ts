/**
 * Authentication of every `/api/v1` request (session cookie or personal API token) and the
 * role check each route declares. Cookie-authenticated writes must carry the CSRF token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../modules/users/users.schema.js';
import type { Principal, UsersService } from '../modules/users/users.service.js';
import { HttpError } from './errors.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'kvalita_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user; set for every route that is not public. */
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs the authentication hook on every route of `app` that is not marked public. */
export function installAuthentication(app: FastifyInstance, users: UsersService): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match?.[1] ? await users.resolveApiToken(match[1]) : null;
      if (!principal) throw new HttpError(401, 'unauthenticated', 'invalid or revoked API token');
      request.principal = principal;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await users.resolveSession(token) : null;
    if (!session) throw new HttpError(401, 'unauthenticated', 'sign in or send an API token');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new HttpError(403, 'csrf', 'missing or wrong x-csrf-token header');
    }
    request.principal = session.principal;
  });
}

/** The authenticated user of a request; routes behind authentication always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'unauthenticated', 'sign in or send an API token');
  return request.principal;
}

/** A pre-handler that lets only the given roles through. */
export function allow(...roles: Role[]) {
  const allowed = new Set<Role>(roles);
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = principalOf(request);
    if (!allowed.has(principal.role)) {
      throw new HttpError(403, 'forbidden', `this needs one of the roles: ${roles.join(', ')}`);
    }
  };
}

/** Every role, for routes any signed-in user may use. */
export const ANY_ROLE: Role[] = ['admin', 'manager', 'reviewer', 'lead', 'agent', 'viewer'];
