/**
 * The HTTP server: the API under `/api/v1`, its OpenAPI document at `/api/docs`, and the web
 * app at `/`. Routes are thin; authentication and error mapping happen here once.
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import { alertRoutes } from '../modules/alerts/alerts.routes.js';
import { analyticsRoutes } from '../modules/analytics/analytics.routes.js';
import { assignmentRoutes } from '../modules/assignments/assignments.routes.js';
import { autoqaRoutes } from '../modules/autoqa/autoqa.routes.js';
import { calibrationRoutes } from '../modules/calibration/calibration.routes.js';
import { coachingRoutes } from '../modules/coaching/coaching.routes.js';
import { complaintRoutes } from '../modules/complaints/complaints.routes.js';
import { conversationRoutes } from '../modules/conversations/conversations.routes.js';
import { customerRoutes } from '../modules/customers/customers.routes.js';
import { driverRoutes } from '../modules/drivers/drivers.routes.js';
import { goalRoutes } from '../modules/goals/goals.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { reportRoutes } from '../modules/reports/reports.routes.js';
import { reviewRoutes } from '../modules/reviews/reviews.routes.js';
import { scorecardRoutes } from '../modules/scorecards/scorecards.routes.js';
import { taskRoutes } from '../modules/tasks/tasks.routes.js';
import { teamRoutes } from '../modules/teams/teams.routes.js';
import { userRoutes } from '../modules/users/users.routes.js';
import { viewRoutes } from '../modules/views/views.routes.js';
import { installAuthentication } from './auth.js';
import { errorHandler } from './errors.js';
import type { AppServices } from './services.js';

/** Where the built web app lives (same relative place from `src/http` and `dist/http`). */
export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Options of the server. */
export interface AppOptions {
  /** Log requests (pino, JSON lines on standard output). */
  logger?: boolean;
  /** Product version shown by `/health` and the API document. */
  version?: string;
}

// Query strings, paths and headers arrive as text and are coerced to the schema's types; a JSON
// body already has types, and coercing it would turn `null` into "" wherever a field may be a
// string or null, so bodies are validated as sent.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

function requestValidators(): { body: Ajv; text: Ajv } {
  const make = (coerceTypes: false | 'array') => {
    const ajv = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes, allErrors: true });
    addFormats(ajv);
    return ajv;
  };
  return { body: make(false), text: make('array') };
}

/** Builds the server; call `listen` or `inject` on the result. */
export async function buildApp(services: AppServices, options: AppOptions = {}): Promise<FastifyInstance> {
  const version = options.version ?? '0.0.0';
  const app = Fastify({
    logger: options.logger ? { level: process.env.KVALITA_LOG_LEVEL ?? 'info' } : false,
    bodyLimit: services.config.bodyLimit,
    trustProxy: process.env.KVALITA_TRUST_PROXY === '1',
  });
  const validators = requestValidators();
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? validators.body : validators.text).compile(schema),
  );
  app.setErrorHandler(errorHandler);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
    }
    return payload;
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kvalita API',
        version,
        description:
          'Quality control for customer service. Authenticate with the session cookie from `POST /auth/login` (writes then need the `x-csrf-token` header) or with `Authorization: Bearer <personal API token>`.',
      },
      servers: [{ url: '/api/v1' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'kvalita_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      installAuthentication(api, services.users);
      await healthRoutes(api, services, version);
      await userRoutes(api, services);
      await teamRoutes(api, services);
      await conversationRoutes(api, services);
      await viewRoutes(api, services);
      await autoqaRoutes(api, services);
      await customerRoutes(api, services);
      await scorecardRoutes(api, services);
      await reviewRoutes(api, services);
      await calibrationRoutes(api, services);
      await assignmentRoutes(api, services);
      await taskRoutes(api, services);
      await coachingRoutes(api, services);
      await complaintRoutes(api, services);
      await analyticsRoutes(api, services);
      await goalRoutes(api, services);
      await alertRoutes(api, services);
      await driverRoutes(api, services);
      await reportRoutes(api, services);
    },
    { prefix: '/api/v1' },
  );

  const indexHtml = path.join(WEB_ROOT, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      // Built assets carry a content hash in their names; the page itself must always be fresh.
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0] ?? '');
    if (wantsPage && fs.existsSync(indexHtml)) {
      // Client-side routes (/conversations/12) are pages of the web app.
      return reply.type('text/html').sendFile('index.html');
    }
    if (wantsPage) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The web app is not built. Run `npm run build:web`, or use the API under /api/v1.');
    }
    return reply
      .status(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  return app;
}
