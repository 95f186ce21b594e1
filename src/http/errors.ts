/** Errors the routes raise, and how every error becomes an HTTP answer. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError, type ServiceErrorKind } from '../modules/common/service-errors.js';

/** One refused field of a request. */
export interface ErrorDetail {
  field: string;
  reason: string;
}

/** An error with an HTTP status and a stable code for clients. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

/** 404 with the same answer whether the thing is missing or merely not visible to the caller. */
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

function validationDetails(error: FastifyError): ErrorDetail[] {
  const part = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    const path = issue.instancePath
      .split('/')
      .slice(1)
      .reduce(
        (acc, piece) => (/^\d+$/.test(piece) ? `${acc}[${piece}]` : acc ? `${acc}.${piece}` : piece),
        '',
      );
    const field =
      issue.keyword === 'required' ? [path, String(params.missingProperty)].filter(Boolean).join('.') : path;
    const reason =
      issue.keyword === 'required'
        ? 'required'
        : issue.keyword === 'enum'
          ? `must be one of ${(params.allowedValues as unknown[]).join(', ')}`
          : (issue.message ?? 'invalid');
    return { field: field ? `${part}.${field}` : part, reason };
  });
}

const SERVICE_STATUS: Record<ServiceErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
};

/** Turns any error into `{error, message, details?}` with the right status; hides internals on 500. */
export function errorHandler(
  error: FastifyError | HttpError | ServiceError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof HttpError) {
    return reply.status(error.statusCode).send({
      error: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    });
  }
  if (error instanceof ServiceError) {
    return reply.status(SERVICE_STATUS[error.kind]).send({
      error: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...error.extra,
    });
  }
  if (error.validation) {
    const details = validationDetails(error);
    return reply.status(400).send({
      error: 'validation',
      message: details.map((d) => `${d.field}: ${d.reason}`).join('; '),
      details,
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'internal error; see the server log' });
  }
  const code = status === 413 ? 'payload_too_large' : status === 429 ? 'rate_limited' : 'bad_request';
  return reply.status(status).send({ error: code, message: error.message });
}
