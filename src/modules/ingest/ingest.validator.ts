/**
 * Validation of incoming conversations against the exchange format, shared by the importer and
 * the HTTP ingest endpoint, and their translation into the stored shape.
 */
import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import {
  type ConversationInput,
  ConversationInputSchema,
  KNOWN_CONVERSATION_KEYS,
} from '../conversations/conversations.schema.js';
import type { NormalizedConversation } from '../conversations/conversations.writer.js';

/** One reason a field was refused. */
export interface FieldError {
  /** Path of the field, e.g. `messages[2].role`; empty for the item as a whole. */
  field: string;
  reason: string;
}

/** The verdict on one item. */
export type ValidationResult =
  | { ok: true; value: NormalizedConversation }
  | { ok: false; id: string | null; errors: FieldError[] };

// ajv-formats is CommonJS with a default export; under NodeNext that default sits one level down.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv, ['date-time']);
const validateInput = ajv.compile<ConversationInput>(ConversationInputSchema);

/** Default feedback scale per survey type when the item does not say. */
const DEFAULT_SCALE = { csat: 5, nps: 10, ces: 7 } as const;

function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(root: unknown, instancePath: string): unknown {
  let node = root;
  for (const part of instancePath.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function describe(error: ErrorObject, root: unknown): FieldError {
  const value = valueAt(root, error.instancePath);
  const field = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        field: field ? `${field}.${params.missingProperty}` : String(params.missingProperty),
        reason: 'required',
      };
    case 'format':
      return {
        field,
        reason: params.format === 'date-time' ? `not a date: ${shown(value)}` : `not a ${params.format}`,
      };
    case 'enum':
      return {
        field,
        reason: `must be one of ${(params.allowedValues as unknown[]).join(', ')}, not ${shown(value)}`,
      };
    case 'type':
      return {
        field,
        reason: `must be ${params.type === 'integer' ? 'an integer' : `a ${params.type}`}, not ${shown(value)}`,
      };
    case 'anyOf':
      return { field, reason: `must be a string or an integer, not ${shown(value)}` };
    case 'minLength':
      return {
        field,
        reason: params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters`,
      };
    case 'maxLength':
      return { field, reason: `must be at most ${params.limit} characters` };
    case 'pattern':
      return {
        field,
        reason:
          field === 'language'
            ? `not a BCP 47 language code: ${shown(value)}`
            : `not allowed: ${shown(value)}`,
      };
    default:
      return { field, reason: error.message ?? 'invalid' };
  }
}

function schemaErrors(errors: ErrorObject[], root: unknown): FieldError[] {
  // A union reports each failed branch and then itself; the union's own message says it all.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && unionPaths.has(error.instancePath)) continue;
    const described = describe(error, root);
    const key = `${described.field}\u0000${described.reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push(described);
    }
  }
  return result;
}

function idOf(raw: unknown): string | null {
  if (raw !== null && typeof raw === 'object') {
    const id = (raw as Record<string, unknown>).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

const str = (value: string | number | undefined | null): string | null =>
  value === undefined || value === null || value === '' ? null : String(value);

/**
 * Validates one item and returns it ready to store, or every reason it cannot be stored.
 * `fingerprint` is text that identifies the item's content (the raw line when there is one).
 */
export function validateConversation(raw: unknown, fingerprint?: string): ValidationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, id: null, errors: [{ field: '', reason: 'not a JSON object' }] };
  }
  if (!validateInput(raw)) {
    return { ok: false, id: idOf(raw), errors: schemaErrors(validateInput.errors ?? [], raw) };
  }
  const input = raw;
  const errors: FieldError[] = [];
  const createdAt = Date.parse(input.created_at);
  const resolvedAt = input.resolved_at === undefined ? null : Date.parse(input.resolved_at);
  if (resolvedAt !== null && resolvedAt < createdAt) {
    errors.push({ field: 'resolved_at', reason: `before created_at: ${shown(input.resolved_at)}` });
  }
  const messages = (input.messages ?? []).map((message, index) => {
    const startS = message.start_s ?? null;
    const endS = message.end_s ?? null;
    if (startS !== null && endS !== null && endS < startS) {
      errors.push({ field: `messages[${index}].end_s`, reason: `before start_s (${startS})` });
    }
    return {
      role: message.role,
      author: str(message.author),
      at: message.at === undefined ? null : Date.parse(message.at),
      text: message.text,
      internal: message.internal === true,
      startS,
      endS,
    };
  });
  const feedback = (input.feedback ?? []).map((answer, index) => {
    const scale = answer.scale ?? DEFAULT_SCALE[answer.type];
    const low = answer.type === 'nps' ? 0 : 1;
    const high = answer.type === 'nps' ? 10 : scale;
    if (answer.type === 'nps' && answer.scale !== undefined && answer.scale !== 10) {
      errors.push({
        field: `feedback[${index}].scale`,
        reason: `NPS is answered on 0-10, not ${answer.scale}`,
      });
    } else if (answer.score < low || answer.score > high) {
      errors.push({
        field: `feedback[${index}].score`,
        reason: `must be between ${low} and ${high}, not ${answer.score}`,
      });
    }
    return {
      type: answer.type,
      score: answer.score,
      scale,
      comment: answer.comment ?? null,
      at: answer.at === undefined ? null : Date.parse(answer.at),
    };
  });
  if (errors.length > 0) return { ok: false, id: String(input.id), errors };

  // Unknown top-level keys are kept in `custom`, never dropped; an explicit `custom` key wins.
  let custom: Record<string, unknown> | null = null;
  for (const key of Object.keys(input)) {
    if (!KNOWN_CONVERSATION_KEYS.has(key)) {
      custom ??= {};
      custom[key] = (input as Record<string, unknown>)[key];
    }
  }
  if (input.custom) custom = { ...(custom ?? {}), ...input.custom };
  if (custom && Object.keys(custom).length === 0) custom = null;

  const tags = input.tags ? [...new Set(input.tags.map((tag) => tag.trim()).filter(Boolean))] : [];
  const agent = input.agent
    ? { externalId: String(input.agent.id), name: str(input.agent.name), team: str(input.agent.team) }
    : null;
  const customer = input.customer
    ? {
        externalId: String(input.customer.id),
        name: str(input.customer.name),
        email: str(input.customer.email),
        phone: str(input.customer.phone),
      }
    : null;
  const contentHash = createHash('sha1')
    .update(fingerprint ?? JSON.stringify(input))
    .digest('base64url');

  return {
    ok: true,
    value: {
      source: input.source ?? 'import',
      externalId: String(input.id),
      channel: input.channel,
      language: input.language ? input.language.toLowerCase() : null,
      subject: str(input.subject),
      status: input.status ?? null,
      priority: str(input.priority),
      createdAt,
      resolvedAt,
      agent,
      customer,
      tags,
      waitS: input.wait_s ?? null,
      handleS: input.handle_s ?? null,
      transfers: input.transfers ?? null,
      abandoned: input.abandoned ?? null,
      reopened: input.reopened ?? null,
      outcome: str(input.outcome),
      complaint: input.complaint === true,
      custom,
      messages,
      feedback,
      contentHash,
    },
  };
}

/** Formats field errors as `field: reason; field: reason`. */
export function formatErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.reason}` : e.reason)).join('; ');
}
