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

/** Reads reliability data from CSV (or tab- or space-separated) text; errors name line and column. */
export function readReliabilityData(text: string, file: string, level: MeasurementLevel): RatingValue[][] {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes('\t') ? '\t' : ' ';
  let rows: string[][];
  try {
    rows = parse(delimiter === ' ' ? text.replace(/[ ]+/g, ' ') : text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new CliError(`${file}: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
  }
  const lineOf = (row: number) => row + 1;
  // A header row names the units: none of its cells (after a name column) is a number.
  const header = rows[0];
  const startRow =
    rows.length > 1 && header !== undefined && header.slice(1).every((cell) => !isNumber(cell)) ? 1 : 0;
  const body = rows.slice(startRow);
  const hasNames =
    body.length > 0 &&
    body.every((row) => row[0] !== undefined && !isMissing(row[0]) && !isNumber(row[0])) &&
    body.some((row) => row.slice(1).some((cell) => isNumber(cell)));
  const numeric = level === 'interval' || level === 'ratio';
  return body.map((row, index) =>
    row.slice(hasNames ? 1 : 0).map((cell, column) => {
      if (isMissing(cell)) return null;
      if (isNumber(cell)) return Number(cell.trim());
      if (numeric) {
        throw new CliError(
          `${file}:${lineOf(index + startRow)}: column ${column + (hasNames ? 2 : 1)}: "${cell}" is not a number (${level} data need numbers)`,
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
