/**
 * Errors the services raise when a request cannot be carried out. They know nothing of HTTP or
 * the command line: the HTTP error handler and the CLI map each kind to a status or exit code.
 */

/** One refused field, named by its path in the input. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** The kinds of refusal, each with one HTTP status. */
export type ServiceErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict';

/** A request the service refuses, with a stable code and, for invalid input, the fields at fault. */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: string,
    message: string,
    readonly details?: FieldProblem[],
    /** Extra data for the client, e.g. the current revision on a conflict. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Invalid input: the message lists every field problem. */
export function invalidInput(problems: FieldProblem[]): ServiceError {
  return new ServiceError(
    'invalid',
    'validation',
    problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    problems,
  );
}

/** Something that does not exist, or that the caller may not see (the answer is the same). */
export function notFoundError(what: string): ServiceError {
  return new ServiceError('not_found', 'not_found', `${what} not found`);
}

/** The caller's role or relation to the thing forbids this. */
export function forbiddenError(message: string): ServiceError {
  return new ServiceError('forbidden', 'forbidden', message);
}

/** The thing changed or exists already; `extra` tells the client what it is now. */
export function conflictError(code: string, message: string, extra?: Record<string, unknown>): ServiceError {
  return new ServiceError('conflict', code, message, undefined, extra);
}
