/** `kvalita import FILE…`: load conversations from JSONL, JSONL.gz or CSV files. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { type ColumnMap, parseColumnMap, readColumnMapFile } from '../../modules/ingest/ingest.csv.js';
import { checkInputs, importFiles, UnreadableInputError } from '../../modules/ingest/ingest.service.js';
import { formatErrors } from '../../modules/ingest/ingest.validator.js';
import { CliError, EXIT, type GlobalOptions, withDatabase } from '../context.js';
import { ProgressLine } from '../progress.js';

/** Reject lines printed on standard error before the rest is only counted. */
const PRINTED_REJECTS = 1000;

interface ImportFlags {
  json?: boolean;
  rejects?: string;
  map?: string;
  mapFile?: string;
  batchSize?: number;
  progress?: boolean;
}

function originalForReport(original: unknown): Record<string, unknown> {
  if (typeof original !== 'string') return { input: original };
  try {
    return { input: JSON.parse(original) as unknown };
  } catch {
    return { text: original };
  }
}

/** Registers the command. */
export function registerImportCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('import conversations from .jsonl, .jsonl.gz or .csv files (the exchange format)')
    .argument('<files...>', 'files to import, in order')
    .option('--json', 'print the summary as JSON: {"read","imported","updated","rejected"}')
    .option('--rejects <file>', 'write every rejected item with its reasons to this JSONL file')
    .option('--map <pairs>', 'CSV column names: field=Column,field=Column')
    .option('--map-file <file>', 'CSV column names from a file (JSON object or field=Column lines)')
    .option('--batch-size <n>', 'conversations per transaction', (v) => Number.parseInt(v, 10), 1000)
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (files: string[], flags: ImportFlags) => {
      if (!Number.isInteger(flags.batchSize) || (flags.batchSize ?? 0) < 1) {
        throw new CliError('--batch-size: must be a positive integer');
      }
      let columnMap: ColumnMap = {};
      try {
        if (flags.mapFile) columnMap = readColumnMapFile(flags.mapFile);
        if (flags.map) columnMap = { ...columnMap, ...parseColumnMap(flags.map) };
      } catch (error) {
        throw new CliError((error as Error).message);
      }
      try {
        checkInputs(files, (file) => fs.accessSync(file, fs.constants.R_OK));
      } catch (error) {
        if (error instanceof UnreadableInputError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
      const rejects = flags.rejects ? fs.createWriteStream(flags.rejects, { encoding: 'utf8' }) : null;
      const progress =
        flags.progress !== false && process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
      const started = performance.now();
      let printed = 0;
      try {
        const summary = await withDatabase(globals(), (database) =>
          importFiles(
            database,
            files,
            { columnMap, batchSize: flags.batchSize },
            {
              onReject: ({ file, line, errors, original }) => {
                if (printed < PRINTED_REJECTS) {
                  progress?.clear();
                  process.stderr.write(`${file}:${line}: ${formatErrors(errors)}\n`);
                }
                printed += 1;
                rejects?.write(`${JSON.stringify({ file, line, errors, ...originalForReport(original) })}\n`);
              },
              onProgress: ({ file, fileIndex, fileCount, bytesRead, totalBytes, summary: s }) => {
                const label = fileCount > 1 ? `${file} (${fileIndex + 1}/${fileCount})` : file;
                progress?.update(bytesRead, totalBytes, label, s.read);
              },
            },
          ),
        );
        progress?.clear();
        if (printed > PRINTED_REJECTS) {
          process.stderr.write(
            `… and ${printed - PRINTED_REJECTS} more rejected${flags.rejects ? ` (all in ${flags.rejects})` : ''}\n`,
          );
        }
        const seconds = (performance.now() - started) / 1000;
        if (flags.json) {
          const { read, imported, updated, rejected } = summary;
          process.stdout.write(`${JSON.stringify({ read, imported, updated, rejected })}\n`);
        } else {
          const rate = seconds > 0 ? Math.round(summary.read / seconds) : summary.read;
          process.stdout.write(
            `read ${summary.read}, imported ${summary.imported}, updated ${summary.updated}` +
              `${summary.unchanged > 0 ? ` (${summary.unchanged} unchanged)` : ''}, rejected ${summary.rejected}` +
              ` in ${seconds.toFixed(1)} s (${rate}/s)\n`,
          );
        }
        process.exitCode = summary.rejected > 0 ? EXIT.rejected : EXIT.ok;
      } catch (error) {
        progress?.clear();
        if (error instanceof UnreadableInputError) throw new CliError(error.message, EXIT.usage);
        throw error;
      } finally {
        if (rejects) await new Promise((resolve) => rejects.end(resolve));
      }
    });
}
