/**
 * Loads an existing complaints register from CSV with its own column names (`--map
 * field=Column`), as `kvalita complaints import` does. Each row is checked on its own: a bad
 * row is reported by line, field and reason, and the good rows are stored. Rows are matched by
 * their id in the register, so importing the same file again updates instead of doubling.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  type ComplaintKind,
  RESOLUTION_TYPES,
  SEVERITIES,
  type Severity,
} from '../../domain/complaint-lifecycle.js';
import type { FieldProblem } from '../common/service-errors.js';
import { ComplaintsService } from './complaints.service.js';

/** The fields a register row may carry. */
export const REGISTER_FIELDS = [
  'id',
  'kind',
  'received_at',
  'status',
  'channel',
  'customer_id',
  'contact_name',
  'contact_email',
  'contact_phone',
  'description',
  'product',
  'category',
  'severity',
  'remedy_sought',
  'owner_email',
  'department',
  'root_cause',
  'resolution_type',
  'resolution_amount',
  'resolution_currency',
  'customer_satisfied',
  'acknowledged_at',
  'resolved_at',
  'closed_at',
] as const;
/** A register field. */
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** What an import did, and the rows it refused. */
export interface RegisterImportSummary {
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  errors: Array<{ line: number; problems: FieldProblem[] }>;
}

const SOURCE = 'register';

// Register spreadsheets write severities and kinds in many ways; these are the common ones.
const SEVERITY_WORDS: Record<string, Severity> = {
  minor: 'low',
  normal: 'medium',
  major: 'high',
  urgent: 'critical',
};

function time(value: string): number | null {
  if (!value) return null;
  // Dates without a time are midnight UTC; "31.03.2026" and "31/03/2026" are read day first.
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (dotted) {
    const [, d, m, y, hh, mm] = dotted;
    return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Imports a register file; `columns` maps fields to the file's column names. */
export async function importRegister(
  database: Database,
  file: string,
  columns: Partial<Record<RegisterField, string>> = {},
): Promise<RegisterImportSummary> {
  const db: Kysely<DB> = database.kysely;
  const service = new ComplaintsService(database);
  const summary: RegisterImportSummary = { read: 0, imported: 0, updated: 0, rejected: 0, errors: [] };
  const unknown = Object.keys(columns).filter(
    (field) => !(REGISTER_FIELDS as readonly string[]).includes(field),
  );
  if (unknown.length > 0) {
    throw new Error(
      `--map: unknown field ${unknown.join(', ')}; the fields are ${REGISTER_FIELDS.join(', ')}`,
    );
  }
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [
      u.email.toLowerCase(),
      u.id,
    ]),
  );
  const parser = fs.createReadStream(file).pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }),
  );
  let headerChecked = false;
  for await (const entry of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    const { record, info } = entry;
    if (!headerChecked) {
      headerChecked = true;
      const missing = (['id', 'received_at', 'description'] as const).filter(
        (f) => !((columns[f] ?? f) in record),
      );
      if (missing.length > 0) {
        throw new Error(
          `${file}: no column for ${missing.map((f) => `${f} (looked for "${columns[f] ?? f}")`).join(', ')}; name it with --map ${missing[0]}=Column`,
        );
      }
    }
    summary.read += 1;
    const cell = (field: RegisterField) => (record[columns[field] ?? field] ?? '').trim();
    const problems: FieldProblem[] = [];
    const externalId = cell('id');
    if (!externalId) problems.push({ field: 'id', reason: 'required' });
    const receivedAt = time(cell('received_at'));
    if (receivedAt === null)
      problems.push({ field: 'received_at', reason: `not a date: "${cell('received_at')}"` });
    const description = cell('description');
    if (!description) problems.push({ field: 'description', reason: 'required' });
    const kindText = cell('kind').toLowerCase() || 'complaint';
    if (!(COMPLAINT_KINDS as readonly string[]).includes(kindText)) {
      problems.push({
        field: 'kind',
        reason: `must be one of ${COMPLAINT_KINDS.join(', ')}, not "${cell('kind')}"`,
      });
    }
    const severityText = cell('severity').toLowerCase();
    const severity = SEVERITY_WORDS[severityText] ?? (severityText || 'medium');
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      problems.push({
        field: 'severity',
        reason: `must be one of ${SEVERITIES.join(', ')}, not "${cell('severity')}"`,
      });
    }
    const status = cell('status').toLowerCase().replace(/\s+/g, '_') || 'received';
    if (!(COMPLAINT_STATUSES as readonly string[]).includes(status)) {
      problems.push({
        field: 'status',
        reason: `must be one of ${COMPLAINT_STATUSES.join(', ')}, not "${cell('status')}"`,
      });
    }
    const resolutionType = cell('resolution_type').toLowerCase().replace(/\s+/g, '_') || null;
    if (resolutionType && !(RESOLUTION_TYPES as readonly string[]).includes(resolutionType)) {
      problems.push({ field: 'resolution_type', reason: `must be one of ${RESOLUTION_TYPES.join(', ')}` });
    }
    const amountText = cell('resolution_amount').replace(',', '.');
    const amount = amountText ? Number(amountText) : null;
    if (amount !== null && !(amount >= 0))
      problems.push({ field: 'resolution_amount', reason: `not an amount: "${cell('resolution_amount')}"` });
    const ownerEmail = cell('owner_email').toLowerCase();
    const owner = ownerEmail ? users.get(ownerEmail) : undefined;
    if (ownerEmail && owner === undefined)
      problems.push({ field: 'owner_email', reason: `no user ${ownerEmail}` });
    const satisfied = cell('customer_satisfied').toLowerCase();
    const customerSatisfied = ['yes', 'y', 'true', '1'].includes(satisfied)
      ? 'yes'
      : ['no', 'n', 'false', '0'].includes(satisfied)
        ? 'no'
        : 'unknown';
    const stamps = {
      acknowledged_at: time(cell('acknowledged_at')),
      resolved_at: time(cell('resolved_at')),
      closed_at: time(cell('closed_at')),
    };
    for (const [field, value] of Object.entries(stamps)) {
      const raw = cell(field as RegisterField);
      if (raw && value === null) problems.push({ field, reason: `not a date: "${raw}"` });
    }
    if (problems.length > 0) {
      summary.rejected += 1;
      summary.errors.push({
        line: info.lines,
        problems: problems.map((p) => ({ ...p, field: columns[p.field as RegisterField] ?? p.field })),
      });
      continue;
    }
    const customerExternal = cell('customer_id');
    const customer = customerExternal
      ? await db
          .selectFrom('customers')
          .select('id')
          .where('external_id', '=', customerExternal)
          .executeTakeFirst()
      : undefined;
    const values = {
      kind: kindText as ComplaintKind,
      status,
      received_at: receivedAt as number,
      channel: cell('channel') || null,
      customer_id: customer?.id ?? null,
      contact_name: cell('contact_name') || null,
      contact_email: cell('contact_email') || null,
      contact_phone: cell('contact_phone') || null,
      description,
      product: cell('product') || null,
      category: cell('category') || null,
      severity: severity as Severity,
      remedy_sought: cell('remedy_sought') || null,
      owner_user_id: owner ?? null,
      department: cell('department') || null,
      root_cause: cell('root_cause') || null,
      resolution_type: resolutionType,
      resolution_amount: amount,
      resolution_currency: cell('resolution_currency') || null,
      customer_satisfied: customerSatisfied,
      ...stamps,
    };
    const existing = await db
      .selectFrom('complaints')
      .select(['id', 'revision'])
      .where('source', '=', SOURCE)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    if (existing) {
      await service.overwriteFromRegister(existing.id, values);
      summary.updated += 1;
    } else {
      await service.insertFromRegister(externalId, values);
      summary.imported += 1;
    }
  }
  return summary;
}
