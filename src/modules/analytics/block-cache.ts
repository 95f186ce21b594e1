/**
 * Block parts kept in memory between queries, the way a database keeps pages in its buffer
 * pool: a dashboard asks the same periods again and again, and reading and copying tens of
 * megabytes of block data each time costs more than the arithmetic on it. The whole cache is
 * dropped as soon as the blocks' generation token changes (any refresh, by any process).
 */
import type { Database } from '../../db/database.js';
import { RollupsRepository } from './rollups.repository.js';

/** Bytes of block data one process keeps; the least recently used parts go first. */
const BUDGET_BYTES = 256 * 1024 * 1024;

// Typed-array views need their element alignment; a copy into fresh memory guarantees it.
function aligned(data: Uint8Array): Uint8Array {
  if (data.byteOffset % 8 === 0) return data;
  return new Uint8Array(data);
}

/** Block parts of one database, cached. */
export class BlockCache {
  private generation: string | undefined;
  private readonly parts = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(private readonly database: Database) {}

  /**
   * The named parts of the blocks of one grain and level with periods from `first` to `last`,
   * as arrays (period, part, data) in period order; only parts not in memory are read.
   */
  async read(
    grain: string,
    level: string,
    first: string,
    last: string,
    names: readonly string[],
  ): Promise<unknown[][]> {
    const repository = new RollupsRepository(this.database.kysely);
    const generation = await repository.blocksGeneration();
    if (generation !== this.generation) {
      this.parts.clear();
      this.bytes = 0;
      this.generation = generation;
    }
    const index = await repository.blockIndex(this.database.dialect, grain, level, first, last, names);
    const keyOf = (period: string, part: string) => `${grain}|${level}|${period}|${part}`;
    const missingPeriods = new Set<string>();
    const missingParts = new Set<string>();
    for (const [period, part] of index as Array<[string, string]>) {
      if (this.parts.has(keyOf(period, part))) continue;
      missingPeriods.add(period);
      missingParts.add(part);
    }
    const fetched = new Map<string, Uint8Array>();
    if (missingPeriods.size > 0) {
      const rows = await repository.blockData(
        this.database.dialect,
        grain,
        level,
        [...missingPeriods],
        [...missingParts],
      );
      for (const [period, part, data] of rows as Array<[string, string, Uint8Array]>) {
        const key = keyOf(period, part);
        const copy = aligned(data);
        fetched.set(key, copy);
        this.remember(key, copy);
      }
    }
    const rows: Array<[string, string, Uint8Array]> = [];
    for (const [period, part] of index as Array<[string, string]>) {
      const key = keyOf(period, part);
      const data = fetched.get(key) ?? this.touch(key);
      if (data) rows.push([period, part, data]);
    }
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return rows;
  }

  private touch(key: string): Uint8Array | undefined {
    const data = this.parts.get(key);
    if (data) {
      // Map order is insertion order: re-inserting marks the part as the most recently used.
      this.parts.delete(key);
      this.parts.set(key, data);
    }
    return data;
  }

  private remember(key: string, data: Uint8Array): void {
    const previous = this.parts.get(key);
    if (previous) {
      this.bytes -= previous.byteLength;
      this.parts.delete(key);
    }
    if (data.byteLength > BUDGET_BYTES) return;
    this.parts.set(key, data);
    this.bytes += data.byteLength;
    for (const [oldest, old] of this.parts) {
      if (this.bytes <= BUDGET_BYTES) break;
      this.parts.delete(oldest);
      this.bytes -= old.byteLength;
    }
  }
}

const caches = new WeakMap<Database, BlockCache>();

/** The block cache of a database, shared by every service of this process that reads it. */
export function blockCacheOf(database: Database): BlockCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new BlockCache(database);
    caches.set(database, cache);
  }
  return cache;
}
