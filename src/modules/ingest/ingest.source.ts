/**
 * Readers that turn input files into a stream of items, each with the line it came from.
 * They stream: memory stays flat whatever the size of the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** One item read from a file, parsed or not. */
export interface SourceItem {
  /** Line of the file where the item starts (1-based). */
  line: number;
  /** The parsed item, when it parsed. */
  raw?: unknown;
  /** Why the item could not be parsed at all. */
  parseError?: string;
  /** Text identifying the content, for the change digest (the raw line of JSONL). */
  fingerprint?: string;
  /** The item as read, for the rejects file. */
  original: unknown;
  /** Line of a field inside a multi-line item (CSV: the row of a message). */
  lineOf?: (field: string) => number;
}

/** Counts bytes as they are read from the file itself, for progress on compressed input too. */
export interface ByteCounter {
  bytesRead: number;
  totalBytes: number;
}

/** The formats `kvalita import` reads. */
export type SourceFormat = 'jsonl' | 'jsonl.gz' | 'csv' | 'csv.gz';

/** Picks the format from the file name. */
export function formatOf(file: string): SourceFormat | null {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.jsonl.gz') || name.endsWith('.ndjson.gz')) return 'jsonl.gz';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.csv.gz')) return 'csv.gz';
  if (name.endsWith('.csv')) return 'csv';
  return null;
}

/** Opens the file for reading (decompressing when gzipped) and counts the bytes read from disk. */
export function openInput(file: string, counter: ByteCounter): Readable {
  counter.totalBytes = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  stream.on('data', (chunk) => {
    counter.bytesRead += chunk.length;
  });
  if (file.toLowerCase().endsWith('.gz')) {
    const gunzip = zlib.createGunzip();
    stream.on('error', (error) => gunzip.destroy(error));
    return stream.pipe(gunzip);
  }
  return stream;
}

/** Reads JSON Lines: one item per non-blank line. */
export async function* readJsonLines(input: Readable): AsyncGenerator<SourceItem> {
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) {
      yield* parseLine(text.slice(1), lineNumber);
      continue;
    }
    if (text.trim() === '') continue;
    yield* parseLine(text, lineNumber);
  }
}

function* parseLine(text: string, line: number): Generator<SourceItem> {
  try {
    yield { line, raw: JSON.parse(text), fingerprint: text, original: text };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    yield { line, parseError: `not valid JSON: ${reason}`, original: text };
  }
}
