/**
 * Storing conversations from files and from the API: read, validate, upsert in batches.
 * A batch is one transaction, so a killed import leaves whole conversations only, and the
 * upsert by (source, id) makes running it again complete the work without duplicates.
 */
import type { Database } from '../../db/database.js';
import { redactPii } from '../../engine/redact.js';
import { loadEngineSettings } from '../autoqa/autoqa.settings.js';
import type {
  ConversationWriter,
  NormalizedConversation,
  WriteOutcome,
} from '../conversations/conversations.writer.js';
import { withoutErasedCustomers } from '../customers/customers.service.js';
import { type ColumnMap, readCsv } from './ingest.csv.js';
import { type ByteCounter, formatOf, openInput, readJsonLines, type SourceItem } from './ingest.source.js';
import { type FieldError, validateConversation } from './ingest.validator.js';

/** Counts of one import. */
export interface ImportSummary {
  /** Items read (conversations, not lines). */
  read: number;
  /** New conversations stored. */
  imported: number;
  /** Conversations that were already stored (including `unchanged`). */
  updated: number;
  /** Of `updated`, those whose content was identical, so nothing was written. */
  unchanged: number;
  /** Items refused. */
  rejected: number;
}

/** One refused item. */
export interface RejectedItem {
  file: string;
  line: number;
  errors: FieldError[];
  original: unknown;
}

/** Where an import is, for a progress display. */
export interface ImportProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  totalBytes: number;
  summary: ImportSummary;
}

/** Callbacks of a running import. */
export interface ImportObserver {
  onReject?(rejected: RejectedItem): void;
  onProgress?(progress: ImportProgress): void;
}

/** Options of an import. */
export interface ImportOptions {
  /** Column names of CSV files. */
  columnMap?: ColumnMap;
  /** Conversations per transaction. */
  batchSize?: number;
}

/** Raised for input that cannot be read at all (missing file, unknown format). */
export class UnreadableInputError extends Error {}

/** An empty summary. */
export function emptySummary(): ImportSummary {
  return { read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 };
}

function count(summary: ImportSummary, outcome: WriteOutcome): void {
  if (outcome === 'imported') summary.imported += 1;
  else {
    summary.updated += 1;
    if (outcome === 'unchanged') summary.unchanged += 1;
  }
}

/**
 * The writer every store path uses: personal data of erased customers never comes back, and
 * all personal data is masked first when the organisation asks for it.
 */
export async function storeWriter(database: Database): Promise<ConversationWriter> {
  const writer = database.dialect.createConversationWriter();
  const redactAll = (await loadEngineSettings(database)).redactStoredText;
  return {
    writeBatch: async (batch) => {
      const kept = await withoutErasedCustomers(database, batch);
      return writer.writeBatch(
        redactAll
          ? kept.map((conversation) => ({
              ...conversation,
              subject: conversation.subject === null ? null : redactPii(conversation.subject),
              messages: conversation.messages.map((message) => ({
                ...message,
                text: redactPii(message.text),
              })),
            }))
          : kept,
      );
    },
  };
}

/** Checks that every file can be read before anything is stored. */
export function checkInputs(files: readonly string[], access: (file: string) => void): void {
  for (const file of files) {
    if (!formatOf(file)) {
      throw new UnreadableInputError(`${file}: unknown format (expected .jsonl, .jsonl.gz, .csv or .csv.gz)`);
    }
    try {
      access(file);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new UnreadableInputError(`${file}: ${reason}`);
    }
  }
}

/** Imports the files in order and returns the counts. */
export async function importFiles(
  database: Database,
  files: readonly string[],
  options: ImportOptions = {},
  observer: ImportObserver = {},
): Promise<ImportSummary> {
  const writer = await storeWriter(database);
  const summary = emptySummary();
  for (const [fileIndex, file] of files.entries()) {
    const counter: ByteCounter = { bytesRead: 0, totalBytes: 0 };
    let input: ReturnType<typeof openInput>;
    try {
      input = openInput(file, counter);
    } catch (error) {
      throw new UnreadableInputError(`${file}: ${(error as Error).message}`);
    }
    const format = formatOf(file);
    const items =
      format === 'csv' || format === 'csv.gz' ? readCsv(input, options.columnMap) : readJsonLines(input);
    try {
      await storeItems(writer, items, summary, {
        batchSize: options.batchSize,
        onReject: (line, errors, original) => observer.onReject?.({ file, line, errors, original }),
        onBatch: () =>
          observer.onProgress?.({
            file,
            fileIndex,
            fileCount: files.length,
            bytesRead: counter.bytesRead,
            totalBytes: counter.totalBytes,
            summary,
          }),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'EISDIR' || code === 'EACCES') {
        throw new UnreadableInputError(`${file}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
  return summary;
}

/** How `storeItems` reports back. */
export interface StoreCallbacks {
  batchSize?: number | undefined;
  onReject?(line: number, errors: FieldError[], original: unknown): void;
  onBatch?(): void;
}

/**
 * Validates and stores a stream of items in batches, adding to `summary`. The items read
 * before a failure of the input stay stored (each batch is its own transaction).
 */
export async function storeItems(
  writer: ConversationWriter,
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  summary: ImportSummary,
  callbacks: StoreCallbacks = {},
): Promise<void> {
  const batchSize = callbacks.batchSize ?? 1000;
  let batch: NormalizedConversation[] = [];
  // One batch may be in the writer while the next is read and validated (PostgreSQL works on
  // a batch while this thread parses the next; SQLite's writer finishes before it returns).
  let inFlight: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  const flush = async () => {
    if (inFlight) await inFlight;
    if (failure) throw failure.error;
    if (batch.length === 0) return;
    const writing = batch;
    batch = [];
    inFlight = writer.writeBatch(writing).then(
      (results) => {
        for (const result of results) count(summary, result.outcome);
        callbacks.onBatch?.();
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };
  try {
    for await (const item of items) {
      summary.read += 1;
      const verdict = check(item);
      if (verdict.ok) {
        batch.push(verdict.value);
        if (batch.length >= batchSize) await flush();
      } else {
        summary.rejected += 1;
        callbacks.onReject?.(verdict.line, verdict.errors, item.original);
      }
    }
  } finally {
    // An input that breaks off (a truncated gzip, say) keeps what was read before it.
    await flush();
    if (inFlight) await inFlight;
  }
  if (failure) throw (failure as { error: unknown }).error;
}

function check(
  item: SourceItem,
): { ok: true; value: NormalizedConversation } | { ok: false; line: number; errors: FieldError[] } {
  if (item.parseError !== undefined) {
    return { ok: false, line: item.line, errors: [{ field: '', reason: item.parseError }] };
  }
  const verdict = validateConversation(item.raw, item.fingerprint);
  if (verdict.ok) return verdict;
  const line = item.lineOf && verdict.errors[0] ? item.lineOf(verdict.errors[0].field) : item.line;
  return { ok: false, line, errors: verdict.errors };
}

/** The outcome of one item given to the API. */
export interface IngestItemResult {
  index: number;
  line?: number;
  id: string | null;
  status: 'imported' | 'updated' | 'rejected';
  errors?: FieldError[];
}

/** Validates and stores items given to the API; the valid ones are stored even when others are not. */
export async function ingestItems(
  database: Database,
  items: ReadonlyArray<{ raw?: unknown; line?: number; parseError?: string }>,
  defaultSource: string,
): Promise<{ summary: ImportSummary; results: IngestItemResult[] }> {
  const summary = emptySummary();
  const results: IngestItemResult[] = [];
  const valid: Array<{ index: number; value: NormalizedConversation }> = [];
  for (const [index, item] of items.entries()) {
    summary.read += 1;
    const where = item.line === undefined ? {} : { line: item.line };
    if (item.parseError !== undefined) {
      summary.rejected += 1;
      results[index] = {
        index,
        ...where,
        id: null,
        status: 'rejected',
        errors: [{ field: '', reason: item.parseError }],
      };
      continue;
    }
    const raw =
      item.raw !== null && typeof item.raw === 'object' && !Array.isArray(item.raw) && !('source' in item.raw)
        ? { ...item.raw, source: defaultSource }
        : item.raw;
    const verdict = validateConversation(raw);
    if (verdict.ok) valid.push({ index, value: verdict.value });
    else {
      summary.rejected += 1;
      results[index] = { index, ...where, id: verdict.id, status: 'rejected', errors: verdict.errors };
    }
  }
  const writer = await storeWriter(database);
  const written = valid.length > 0 ? await writer.writeBatch(valid.map((v) => v.value)) : [];
  for (const [position, { index, value }] of valid.entries()) {
    const outcome = written[position]?.outcome ?? 'imported';
    count(summary, outcome);
    const line = items[index]?.line;
    results[index] = {
      index,
      ...(line === undefined ? {} : { line }),
      id: value.externalId,
      status: outcome === 'imported' ? 'imported' : 'updated',
    };
  }
  return { summary, results };
}
