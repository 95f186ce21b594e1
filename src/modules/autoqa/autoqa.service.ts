/**
 * AutoQA over the store: the organisation's settings, and analysing every conversation that is
 * new, changed, or was analysed under other settings or lexicons. Incremental and resumable:
 * each batch's results are committed as it finishes, and a re-run picks up what is left.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Database } from '../../db/database.js';
import { LEXICONS } from '../../engine/lexicons/index.js';
import type { EngineSettings } from '../../engine/settings.js';
import { refreshAutomaticReviews } from '../reviews/automatic-reviews.service.js';
import { EnginePool } from './autoqa.pool.js';
import { AutoQaRepository } from './autoqa.repository.js';
import { loadEngineSettings } from './autoqa.settings.js';

let lexiconDigest: string | undefined;

/** A digest of the settings and the shipped lexicons: results made under another digest are stale. */
export function settingsDigest(settings: EngineSettings): string {
  lexiconDigest ??= createHash('sha1').update(JSON.stringify(LEXICONS)).digest('base64url');
  return createHash('sha1')
    .update(lexiconDigest)
    .update(JSON.stringify(settings))
    .digest('base64url')
    .slice(0, 16);
}

/** Options of a scoring run. */
export interface ScoreOptions {
  /** Analyse every conversation, not only pending ones. */
  all?: boolean;
  /** Only conversations created at or after this time (epoch ms). */
  sinceMs?: number | undefined;
  /** Conversations per batch. */
  batchSize?: number;
  /** Worker threads (default: one per core). */
  threads?: number;
  /** Called after each committed batch with (done, total). */
  onProgress?(done: number, total: number): void;
}

/** Analyses the stored conversations that need it; returns how many were analysed. */
export async function scoreStored(
  database: Database,
  options: ScoreOptions = {},
): Promise<{ analysed: number; flagged: number }> {
  const repository = new AutoQaRepository(database.kysely);
  const settings = await loadEngineSettings(database);
  const settingsHash = settingsDigest(settings);
  const all = options.all ?? false;
  const total = await repository.countPending({ settingsHash, all, sinceMs: options.sinceMs });
  const threads = options.threads ?? Math.max(1, os.availableParallelism());
  const batchSize = options.batchSize ?? 500;
  if (total === 0) return { analysed: 0, flagged: 0 };
  const pool = new EnginePool(settings, threads);
  let analysed = 0;
  let flagged = 0;
  let afterId = 0;
  const inFlight: Promise<void>[] = [];
  try {
    for (;;) {
      const ids = await repository.pendingIds({
        afterId,
        limit: batchSize,
        settingsHash,
        all,
        sinceMs: options.sinceMs,
      });
      if (ids.length === 0) break;
      afterId = ids[ids.length - 1] as number;
      const loaded = await repository.load(ids);
      inFlight.push(
        pool.analyze(loaded.map((l) => l.conversation)).then(async (analyses) => {
          const results = loaded.map((l, i) => ({
            id: l.id,
            contentHash: l.contentHash,
            analysis: analyses[i] as NonNullable<(typeof analyses)[number]>,
          }));
          await repository.save(results, settingsHash);
          await refreshAutomaticReviews(
            database,
            results.map((r) => r.id),
          );
          analysed += results.length;
          flagged += results.filter((r) => r.analysis.flags.length > 0).length;
          options.onProgress?.(analysed, total);
        }),
      );
      // Keep every thread busy, and no more batches in memory than threads.
      if (inFlight.length >= threads) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  return { analysed, flagged };
}

/**
 * Analyses new and changed conversations in the background every `intervalMs`, one run at a
 * time, leaving a core to the server. Imports and API ingestion need do nothing more: whatever
 * they store is pending until analysed. Returns a function that stops it.
 */
export function startBackgroundScoring(
  database: Database,
  report: (message: string) => void,
  intervalMs = 5000,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = scoreStored(database, { threads: Math.max(1, os.availableParallelism() - 1) })
      .then((result) => {
        if (result.analysed > 0)
          report(`AutoQA: analysed ${result.analysed} conversations, ${result.flagged} flagged for review`);
      })
      .catch((error: unknown) =>
        report(`AutoQA: analysis failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
