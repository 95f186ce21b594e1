/**
 * `kvalita agreement FILE.csv --level nominal|ordinal|interval|ratio [--json]`: Krippendorff's α
 * of reliability data, without a database. One row per rater, one column per unit; an empty
 * cell, `.`, `*` or `NA` is a missing value; a first column of rater names and a header row
 * are recognised and skipped.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import {
  krippendorffAlpha,
  MEASUREMENT_LEVELS,
  type MeasurementLevel,
  type RatingValue,
} from '../../domain/agreement.js';
import { CliError, EXIT } from '../context.js';

const MISSING = new Set(['', '.', '*', 'na', 'n/a']);
const isMissing = (cell: string) => MISSING.has(cell.trim().toLowerCase());
const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell.trim()));

interface ParsedRow {
  cells: string[];
  /** Line of the row in the file (where it ends, for a quoted multi-line cell), for error messages. */
  line: number;
}

// Commas anywhere make it CSV; otherwise tabs (which keep empty cells); otherwise runs of spaces.
function splitRows(text: string, file: string): ParsedRow[] {
  const delimiter = text.includes(',') ? ',' : text.includes('\t') ? '\t' : ' ';
  const source =
    delimiter === ' '
      ? text
          .split('\n')
          .map((line) => line.trim().replace(/ +/g, ' '))
          .join('\n')
      : text;
  const lines: number[] = [];
  try {
    const records = parse(source, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record, context) => {
        lines.push(context.lines);
        return record;
      },
    });
    return records.map((cells, index) => ({ cells, line: lines[index] ?? index + 1 }));
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? `:${line}` : '';
    throw new CliError(
      `${file}${where}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.usage,
    );
  }
}

/**
 * Reads reliability data (one row per rater, one column per unit) from CSV, tab- or
 * space-separated text; a header row and a column of rater names are recognised by not being
 * numeric. Errors name the file, line and column.
 */
export function readReliabilityData(text: string, file: string, level: MeasurementLevel): RatingValue[][] {
  const rows = splitRows(text, file);
  // Names and headers can only be told from labels when some ratings are numbers; with all-text
  // (nominal) data every row and column is taken as ratings.
  const hasNumbers = rows.some((row) => row.cells.some(isNumber));
  const header = rows[0]?.cells;
  const hasHeader =
    hasNumbers &&
    rows.length > 1 &&
    header !== undefined &&
    header.slice(1).length > 0 &&
    header.slice(1).every((cell) => !isNumber(cell) && !isMissing(cell));
  const body = rows.slice(hasHeader ? 1 : 0);
  const hasNames =
    hasNumbers &&
    body.length > 0 &&
    body.every((row) => row.cells[0] !== undefined && !isMissing(row.cells[0]) && !isNumber(row.cells[0]));
  const numeric = level === 'interval' || level === 'ratio';
  return body.map((row) =>
    row.cells.slice(hasNames ? 1 : 0).map((cell, index) => {
      if (isMissing(cell)) return null;
      if (isNumber(cell)) return Number(cell.trim());
      if (numeric) {
        const column = index + (hasNames ? 2 : 1);
        throw new CliError(
          `${file}:${row.line}: column ${column}: "${cell}" is not a number (${level} data need numbers)`,
          EXIT.usage,
        );
      }
      return cell.trim();
    }),
  );
}

/** Registers the command. */
export function registerAgreementCommand(program: Command): void {
  program
    .command('agreement')
    .description("Krippendorff's α of reliability data (one row per rater, one column per unit)")
    .argument('<file>', 'CSV; empty, ".", "*" or "NA" = missing')
    .requiredOption('--level <level>', `${MEASUREMENT_LEVELS.join(' | ')}`)
    .option('--json', 'one JSON object: {"alpha","units","pairable_values","level"}')
    .action((file: string, flags: { level: string; json?: boolean }) => {
      if (!(MEASUREMENT_LEVELS as readonly string[]).includes(flags.level)) {
        throw new CliError(`--level: must be one of ${MEASUREMENT_LEVELS.join(', ')}, not "${flags.level}"`);
      }
      const level = flags.level as MeasurementLevel;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        throw new CliError(`${file}: no such file or not readable`);
      }
      const result = krippendorffAlpha(readReliabilityData(text, file, level), level);
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ alpha: result.alpha ?? null, units: result.units, pairable_values: result.pairableValues, level })}\n`,
        );
        return;
      }
      const alpha =
        result.alpha === undefined ? 'undefined (no variation or too few values)' : result.alpha.toFixed(3);
      process.stdout.write(
        `alpha (${level}) = ${alpha} over ${result.units} units, ${result.pairableValues} pairable values\n`,
      );
    });
}
