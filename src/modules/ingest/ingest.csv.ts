/**
 * The CSV form of the exchange format: one row per message with the conversation's fields
 * repeated, or one row per conversation with a `transcript` column. Column names are mapped to
 * field names with `--map field=Column,...` or a mapping file.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { SourceItem } from './ingest.source.js';

/** Field name → column name in the file. */
export type ColumnMap = Record<string, string>;

/** Fields the CSV form knows; any other column goes into `custom`. */
const CONVERSATION_FIELDS = [
  'conversation_id',
  'source',
  'channel',
  'language',
  'subject',
  'status',
  'created_at',
  'resolved_at',
  'agent_id',
  'agent_name',
  'team',
  'customer_id',
  'customer_name',
  'customer_email',
  'customer_phone',
  'tags',
  'priority',
  'wait_s',
  'handle_s',
  'transfers',
  'abandoned',
  'reopened',
  'outcome',
  'complaint',
  'csat',
  'nps',
  'ces',
  'feedback_comment',
  'transcript',
] as const;
const MESSAGE_FIELDS = ['role', 'author', 'at', 'text', 'internal', 'start_s', 'end_s'] as const;
const KNOWN = new Set<string>([...CONVERSATION_FIELDS, ...MESSAGE_FIELDS]);
const NUMERIC = new Set(['wait_s', 'handle_s', 'transfers', 'reopened', 'start_s', 'end_s']);
const BOOLEAN = new Set(['abandoned', 'complaint', 'internal']);
const TRANSCRIPT_ROLES: Record<string, string> = {
  agent: 'agent',
  customer: 'customer',
  client: 'customer',
  bot: 'bot',
  system: 'system',
};

/** Parses `field=Column,field=Column` into a map. */
export function parseColumnMap(spec: string): ColumnMap {
  const map: ColumnMap = {};
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--map: expected field=Column, got "${pair}"`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

/** Reads a mapping file: JSON `{"field": "Column"}` or lines of `field=Column`. */
export function readColumnMapFile(file: string): ColumnMap {
  const text = fs.readFileSync(file, 'utf8');
  if (text.trim().startsWith('{')) {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`${file}: expected an object of field names to column names`);
    }
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  return parseColumnMap(text.split(/\r?\n/).join(','));
}

// Spreadsheet cells are text: numbers and yes/no become JSON values; anything else is passed on
// as it is so that validation names the cell and its content.
function cellValue(field: string, value: string): unknown {
  if (NUMERIC.has(field) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN.has(field)) {
    const lower = value.toLowerCase();
    if (['true', '1', 'yes', 'y'].includes(lower)) return true;
    if (['false', '0', 'no', 'n'].includes(lower)) return false;
  }
  return value;
}

function parseTranscript(text: string): Array<{ role: string; text: string }> {
  const messages: Array<{ role: string; text: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([\p{L} ]{2,20}):\s?(.*)$/u.exec(line);
    const role = match ? TRANSCRIPT_ROLES[match[1]?.trim().toLowerCase() ?? ''] : undefined;
    if (role && match) messages.push({ role, text: match[2] ?? '' });
    else if (messages.length > 0) {
      const last = messages[messages.length - 1];
      if (last) last.text += `\n${line}`;
    } else if (line.trim() !== '') messages.push({ role: 'customer', text: line });
  }
  return messages;
}

interface PendingConversation {
  id: string;
  line: number;
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

function buildConversation(pending: PendingConversation): SourceItem {
  const first = pending.rows[0]?.cells ?? {};
  const item: Record<string, unknown> = { id: pending.id, source: first.source || 'csv' };
  const custom: Record<string, unknown> = {};
  const feedback: Array<Record<string, unknown>> = [];
  for (const [field, value] of Object.entries(first)) {
    if (value === '' || field === 'conversation_id' || field === 'source') continue;
    if (!KNOWN.has(field)) {
      custom[field] = value;
      continue;
    }
    if ((MESSAGE_FIELDS as readonly string[]).includes(field)) continue;
    switch (field) {
      case 'agent_id':
        item.agent = { ...(item.agent as object), id: value };
        break;
      case 'agent_name':
      case 'team':
        item.agent = { ...(item.agent as object), [field === 'team' ? 'team' : 'name']: value };
        break;
      case 'customer_id':
      case 'customer_name':
      case 'customer_email':
      case 'customer_phone':
        item.customer = {
          ...(item.customer as object),
          [field === 'customer_id' ? 'id' : field.slice(9)]: value,
        };
        break;
      case 'tags':
        item.tags = value
          .split(/[;,|]/)
          .map((tag) => tag.trim())
          .filter(Boolean);
        break;
      case 'csat':
      case 'nps':
      case 'ces':
        feedback.push({ type: field, score: /^\d+(\.\d+)?$/.test(value) ? Number(value) : value });
        break;
      case 'feedback_comment':
        break;
      case 'transcript':
        item.messages = parseTranscript(value);
        break;
      default:
        item[field] = cellValue(field, value);
    }
  }
  if (first.feedback_comment && feedback[0]) feedback[0].comment = first.feedback_comment;
  if (feedback.length > 0) item.feedback = feedback;
  if (Object.keys(custom).length > 0) item.custom = custom;
  const messageLines: number[] = [];
  if (!item.messages) {
    const messages: Array<Record<string, unknown>> = [];
    for (const row of pending.rows) {
      if (!row.cells.text && !row.cells.role) continue;
      const message: Record<string, unknown> = {};
      for (const field of MESSAGE_FIELDS) {
        const value = row.cells[field];
        if (value !== undefined && value !== '') message[field] = cellValue(field, value);
      }
      message.text ??= '';
      messages.push(message);
      messageLines.push(row.line);
    }
    if (messages.length > 0) item.messages = messages;
  }
  return {
    line: pending.line,
    raw: item,
    original: pending.rows.map((row) => row.cells),
    lineOf: (field) => {
      const match = /^messages\[(\d+)\]/.exec(field);
      return (match && messageLines[Number(match[1])]) || pending.line;
    },
  };
}

/** Reads the CSV form; rows of one conversation must be adjacent. */
export async function* readCsv(input: Readable, columnMap: ColumnMap = {}): AsyncGenerator<SourceItem> {
  const byColumn = new Map(Object.entries(columnMap).map(([field, column]) => [column, field]));
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((column) => byColumn.get(column.trim()) ?? column.trim()),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  const finished = new Set<string>();
  let pending: PendingConversation | null = null;
  for await (const record of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    const line = record.info.lines;
    const cells = record.record;
    const id = (cells.conversation_id ?? cells.id ?? '').trim();
    if (id === '') {
      yield { line, parseError: 'conversation_id: required', original: cells };
      continue;
    }
    if (pending && pending.id === id) {
      pending.rows.push({ line, cells });
      continue;
    }
    if (pending) {
      finished.add(pending.id);
      yield buildConversation(pending);
    }
    if (finished.has(id)) {
      pending = null;
      yield {
        line,
        parseError: `conversation_id: rows of conversation "${id}" must be adjacent; it appeared earlier`,
        original: cells,
      };
      continue;
    }
    pending = { id, line, rows: [{ line, cells }] };
  }
  if (pending) yield buildConversation(pending);
}
