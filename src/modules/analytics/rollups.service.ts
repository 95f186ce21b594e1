/**
 * Keeps metric rollups current and reads them. Every write to a conversation or a review puts
 * the conversation on a queue (database triggers); `refresh` recomputes the day cells those
 * conversations left or joined — and those of the same customer's earlier conversations, whose
 * first-contact resolution a new contact can change — from the stored rows, in batches; then the
 * week and month cells above them from the day cells, and the blocks (the cells of a grain,
 * period and team packed together) that queries read. Recomputing instead of adding keeps the
 * upkeep idempotent: a refresh repeated or interrupted leaves the same cells as a full rebuild.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { dayOf, dayStart } from '../../domain/calendar.js';
import {
  asFloat64,
  asInt32,
  BlockAccumulator,
  type BlockLevel,
  DIMS_WIDTH,
  METRIC_FIELDS,
  type PackCell,
  packBlock,
} from '../../domain/rollup-blocks.js';
import {
  addDays,
  type Grain,
  monthDays,
  monthOfDay,
  type Segment,
  weekDays,
  weekOfDay,
  weekStartDay,
} from '../../domain/rollup-periods.js';
import {
  addEncoded,
  addFacts,
  decodeSums,
  emptySums,
  encodeSums,
  type RollupSums,
  SKETCHED,
  type Sketched,
  SUM_FIELDS,
  sketchesFor,
} from '../../domain/rollup-sums.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import { blockCacheOf } from './block-cache.js';
import { type FactRow, type FactSettings, FactsRepository, loadFactSettings } from './facts.repository.js';
import {
  type CellDimensions,
  type CellFilters,
  type Member,
  pickDimensions,
  RollupsRepository,
  type StoredCell,
} from './rollups.repository.js';

const BATCH = 5000;
/** Setting: the time zone and fact settings the stored cells were counted with. */
const ROLLUP_BASIS_SETTING = 'analytics.rollup_basis';
// Above this many agents on one day a refresh reads the whole day instead of filtering.
const AGENT_FILTER_LIMIT = 50;

const dimensionsId = (key: CellDimensions) =>
  `${key.team_id}|${key.agent_id}|${key.channel}|${key.language}|${key.source}`;

function dimensionsOf(row: {
  team_id: number | null;
  agent_id: number | null;
  channel: string;
  language: string | null;
  source: string;
}): CellDimensions {
  return {
    team_id: row.team_id ?? 0,
    agent_id: row.agent_id ?? 0,
    channel: row.channel,
    language: row.language ?? '',
    source: row.source,
  };
}

/** Encoded sums as bytes for the database. */
export function sumsToBytes(sums: RollupSums): Uint8Array {
  const encoded = encodeSums(sums);
  return new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}

/** Stored bytes as the Float64 values they encode (copied when the driver's buffer is misaligned). */
export function bytesToValues(bytes: Uint8Array): Float64Array {
  if (bytes.byteOffset % 8 === 0)
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  return new Float64Array(new Uint8Array(bytes).buffer);
}

/** A block as a query sees it: grain and period. */
export interface BlockRef {
  grain: Grain;
  period: string;
}

/** A cell inside a block: team, agent, channel, language and source. */
export interface CellRef {
  team_id: number;
  agent_id: number;
  channel: string;
  language: string;
  source: string;
}

/** Maintains and reads rollups. */
export class RollupsService {
  constructor(private readonly database: Database) {}

  /** Empties the rollups and counts every stored conversation again. Returns how many. */
  async rebuild(onProgress?: (done: number) => void): Promise<number> {
    await this.database.kysely.transaction().execute(async (trx) => {
      await this.lock(trx);
      await new RollupsRepository(trx).resetAll();
    });
    return this.refresh(onProgress);
  }

  /** Brings the cells of every queued conversation up to date. Returns how many were processed. */
  async refresh(onProgress?: (done: number) => void): Promise<number> {
    const settings = await loadFactSettings(this.database);
    const timeZone = await organisationTimeZone(this.database.kysely);
    // Cells depend on the time zone (which day), the first-contact window and the first-response
    // targets: when any of them changed since the cells were counted, every conversation is
    // counted again, whichever way the setting was changed.
    const basis = JSON.stringify({ timeZone, fcr: settings.fcrWindowMs, frt: settings.frtTargets });
    const stored = new SettingsRepository(this.database.kysely);
    if ((await stored.get(ROLLUP_BASIS_SETTING)) !== basis) {
      await this.requeueAll();
      await stored.put(ROLLUP_BASIS_SETTING, basis);
    }
    if (!(await new RollupsRepository(this.database.kysely).hasWork())) return 0;
    let done = 0;
    for (;;) {
      const processed = await this.database.kysely.transaction().execute(async (trx) => {
        await this.lock(trx);
        return this.refreshBatch(trx, timeZone, settings);
      });
      if (processed === 0) break;
      done += processed;
      onProgress?.(done);
    }
    await this.database.kysely.transaction().execute(async (trx) => {
      await this.lock(trx);
      await this.recomputeStale(trx);
    });
    return done;
  }

  /** Queues every conversation for recomputation (the cells stay until each is recomputed). */
  async requeueAll(): Promise<void> {
    await new RollupsRepository(this.database.kysely).requeueAll();
  }

  /** How many changed conversations wait for a refresh. */
  async pending(): Promise<number> {
    return new RollupsRepository(this.database.kysely).dirtyCount();
  }

  // One refresher at a time on PostgreSQL; SQLite has a single writer anyway.
  private async lock(trx: Kysely<DB>): Promise<void> {
    if (this.database.dialect.name === 'postgres')
      await sql`select pg_advisory_xact_lock(72610071)`.execute(trx);
  }

  private async refreshBatch(trx: Kysely<DB>, timeZone: string, settings: FactSettings): Promise<number> {
    const repository = new RollupsRepository(trx);
    const ids = await repository.takeDirty(BATCH);
    if (ids.length === 0) return 0;
    const [members, rows] = await Promise.all([repository.members(ids), repository.conversations(ids)]);
    const dirty = new Map<string, { day: string; key: CellDimensions }>();
    const mark = (day: string, key: CellDimensions) =>
      dirty.set(`${day}|${dimensionsId(key)}`, {
        day,
        key: {
          team_id: Number(key.team_id),
          agent_id: Number(key.agent_id),
          channel: key.channel,
          language: key.language,
          source: key.source,
        },
      });
    for (const member of members) mark(member.day, member);
    const current: Member[] = rows.map((row) => ({
      conversation_id: row.id,
      day: dayOf(row.created_at, timeZone),
      ...dimensionsOf(row),
      customer_id: row.customer_id,
      created_at: row.created_at,
    }));
    for (const member of current) mark(member.day, member);
    // A customer's new, moved or deleted contact changes the first-contact resolution of their earlier ones.
    const probes = [...members, ...current].filter((m) => m.customer_id !== null);
    if (probes.length > 0) {
      const earliest = Math.min(...probes.map((m) => m.created_at)) - settings.fcrWindowMs;
      const latest = Math.max(...probes.map((m) => m.created_at));
      const customers = [...new Set(probes.map((m) => m.customer_id as number))];
      for (const row of await repository.customerConversations(customers, earliest, latest + 1)) {
        const affected = probes.some(
          (p) =>
            p.customer_id === row.customer_id &&
            row.created_at <= p.created_at &&
            row.created_at >= p.created_at - settings.fcrWindowMs,
        );
        if (affected) mark(dayOf(row.created_at, timeZone), dimensionsOf(row));
      }
    }
    // Members follow what the cells count, including conversations queued for a later batch.
    const counted = await this.recomputeDays(trx, [...dirty.values()], timeZone, settings);
    const membersById = new Map<number, Member>();
    for (const member of [...current, ...counted]) membersById.set(member.conversation_id, member);
    await repository.replaceMembers([...new Set([...ids, ...membersById.keys()])], [...membersById.values()]);
    await repository.markStale(
      [...dirty.values()].flatMap(({ day, key }) => [
        { grain: 'day', period: day, ...key },
        { grain: 'week', period: weekOfDay(day), ...key },
        { grain: 'month', period: monthOfDay(day), ...key },
      ]),
    );
    return ids.length;
  }

  private async recomputeDays(
    trx: Kysely<DB>,
    cells: ReadonlyArray<{ day: string; key: CellDimensions }>,
    timeZone: string,
    settings: FactSettings,
  ): Promise<Member[]> {
    const repository = new RollupsRepository(trx);
    const facts = new FactsRepository(trx);
    const counted: Member[] = [];
    const byDay = new Map<string, Map<string, CellDimensions>>();
    for (const cell of cells) {
      const keys = byDay.get(cell.day) ?? new Map<string, CellDimensions>();
      keys.set(dimensionsId(cell.key), cell.key);
      byDay.set(cell.day, keys);
    }
    for (const [day, keys] of byDay) {
      const agents = [...new Set([...keys.values()].map((k) => (k.agent_id === 0 ? null : k.agent_id)))];
      const rows: FactRow[] = await repository.conversationsCreated(
        dayStart(day, timeZone),
        dayStart(addDays(day, 1), timeZone),
        agents.length <= AGENT_FILTER_LIMIT ? agents : undefined,
      );
      const wanted = rows.filter((row) => keys.has(dimensionsId(dimensionsOf(row))));
      for (const row of wanted) {
        counted.push({
          conversation_id: row.id,
          day,
          ...dimensionsOf(row),
          customer_id: row.customer_id,
          created_at: row.created_at,
        });
      }
      const sums = new Map<string, RollupSums>();
      for (const fact of await facts.factsOf(wanted, settings)) {
        const id = dimensionsId(dimensionsOf(fact));
        const cell = sums.get(id) ?? emptySums();
        addFacts(cell, fact);
        sums.set(id, cell);
      }
      const upserts: StoredCell[] = [];
      for (const [id, key] of keys) {
        const cell = sums.get(id);
        if (cell) upserts.push(this.stored('day', day, key, cell));
        else await repository.deleteCell('day', day, key);
      }
      await repository.upsertCells(upserts);
    }
    return counted;
  }

  // Week and month cells as the sum of their day cells, then the blocks of every changed cell.
  private async recomputeStale(trx: Kysely<DB>): Promise<void> {
    const repository = new RollupsRepository(trx);
    const stale = await repository.takeStale();
    const periods = new Map<
      string,
      { grain: 'week' | 'month'; period: string; keys: Map<string, CellDimensions> }
    >();
    for (const row of stale) {
      if (row.grain === 'day') continue;
      const id = `${row.grain}|${row.period}`;
      const entry = periods.get(id) ?? {
        grain: row.grain as 'week' | 'month',
        period: row.period,
        keys: new Map<string, CellDimensions>(),
      };
      entry.keys.set(dimensionsId(row), pickDimensions(row));
      periods.set(id, entry);
    }
    for (const { grain, period, keys } of periods.values()) {
      const { first, last } = grain === 'week' ? weekDays(weekStartDay(period)) : monthDays(`${period}-01`);
      const sums = new Map<string, RollupSums>();
      for (const day of await repository.cells('day', first, last, this.narrowest([...keys.values()]))) {
        const id = dimensionsId(day);
        if (!keys.has(id)) continue;
        const cell = sums.get(id) ?? emptySums();
        addEncoded(cell, bytesToValues(day.data), SKETCHED);
        sums.set(id, cell);
      }
      const upserts: StoredCell[] = [];
      for (const [id, key] of keys) {
        const cell = sums.get(id);
        if (cell) upserts.push(this.stored(grain, period, key, cell));
        else await repository.deleteCell(grain, period, key);
      }
      await repository.upsertCells(upserts);
    }
    const blocks = new Map<string, { grain: string; period: string }>();
    for (const row of stale)
      blocks.set(`${row.grain}|${row.period}`, { grain: row.grain, period: row.period });
    for (const { grain, period } of blocks.values()) {
      const cells: PackCell[] = (await repository.periodCells(grain, period)).map((cell) => ({
        ...pickDimensions(cell),
        sums: decodeSums(bytesToValues(cell.data)),
      }));
      for (const level of ['full', 'agent'] as const)
        await repository.putBlock(grain, period, level, cells.length ? packBlock(cells, level) : new Map());
    }
  }

  // A filter that reads only the agents concerned when they are few.
  private narrowest(keys: readonly CellDimensions[]): CellFilters {
    const agents = [...new Set(keys.map((k) => k.agent_id))];
    return agents.length <= AGENT_FILTER_LIMIT ? { agent_ids: agents } : {};
  }

  private stored(grain: Grain, period: string, key: CellDimensions, sums: RollupSums): StoredCell {
    return {
      grain,
      period,
      ...key,
      conversations: sums.values[0] as number,
      data: sumsToBytes(sums),
    };
  }

  /**
   * Adds the cells of the segments into groups: `groupOf` names a cell's group; cells failing the
   * filters are skipped; `toResult` turns each group (its first cell and its sums) into a result. Reads the packed blocks, only the parts the metrics need, at the coarse
   * level when nothing asks for channel, language or source.
   */
  async accumulate<T>(
    segments: readonly Segment[],
    filters: CellFilters,
    metrics: readonly string[],
    level: BlockLevel,
    groupOf: (block: BlockRef, cell: CellRef) => string | number,
    toResult: (block: BlockRef, cell: CellRef, sums: RollupSums) => T,
  ): Promise<T[]> {
    await this.refresh();
    const fieldNames = [...new Set(metrics.flatMap((m) => METRIC_FIELDS[m] ?? []))];
    const fields = fieldNames.map((name) => SUM_FIELDS.indexOf(name));
    const sketched = sketchesFor(metrics);
    const parts = ['dims', 'labels', ...fieldNames, ...sketched.map((kind: Sketched) => `sketch_${kind}`)];
    const read: Array<{ segment: Segment; rows: unknown[][] }> = [];
    let cellCount = 0;
    for (const segment of segments) {
      const rows = await blockCacheOf(this.database).read(
        segment.grain,
        level,
        segment.first,
        segment.last,
        parts,
      );
      read.push({ segment, rows });
      for (const row of rows)
        if (row[1] === 'dims') cellCount += (row[2] as Uint8Array).byteLength / 8 / DIMS_WIDTH;
    }
    // There are never more groups than cells: sized once, the sums are never copied to grow.
    const accumulator = new BlockAccumulator(fields, sketched, cellCount);
    const groups = new Map<string | number, number>();
    const samples: Array<{ block: BlockRef; cell: CellRef }> = [];
    // One cell object reused for every cell; a group keeps a copy of its first.
    const cell: CellRef = { team_id: 0, agent_id: 0, channel: '', language: '', source: '' };
    const teams = filters.team_ids ? new Set(filters.team_ids) : undefined;
    const agents = filters.agent_ids ? new Set(filters.agent_ids) : undefined;
    const decoder = new TextDecoder();
    for (const { segment, rows } of read) {
      for (let r = 0; r < rows.length; ) {
        const period = (rows[r] as unknown[])[0] as string;
        const block: BlockRef = { grain: segment.grain, period };
        const byPart = new Map<string, Uint8Array>();
        for (; r < rows.length && (rows[r] as unknown[])[0] === period; r += 1) {
          const row = rows[r] as unknown[];
          byPart.set(row[1] as string, row[2] as Uint8Array);
        }
        const dims = asFloat64(byPart.get('dims') as Uint8Array);
        const labels = JSON.parse(decoder.decode(byPart.get('labels'))) as string[];
        const wanted = (value: string | undefined) => (value === undefined ? -1 : labels.indexOf(value));
        const channel = wanted(filters.channel);
        const language = wanted(filters.language);
        const source = wanted(filters.source);
        // A filter naming a label the block does not have leaves nothing in it.
        if (
          (filters.channel !== undefined && channel < 0) ||
          (filters.language !== undefined && language < 0) ||
          (filters.source !== undefined && source < 0)
        )
          continue;
        const columns = fieldNames.map((name) => asFloat64(byPart.get(name) as Uint8Array));
        const sketchParts = sketched.map((kind: Sketched) =>
          asInt32(byPart.get(`sketch_${kind}`) as Uint8Array),
        );
        const cells = dims.length / DIMS_WIDTH;
        for (let i = 0; i < cells; i += 1) {
          const at = i * DIMS_WIDTH;
          const teamId = dims[at] as number;
          const agentId = dims[at + 1] as number;
          if (teams && !teams.has(teamId)) continue;
          if (agents && !agents.has(agentId)) continue;
          const channelAt = dims[at + 2] as number;
          const languageAt = dims[at + 3] as number;
          const sourceAt = dims[at + 4] as number;
          if ((channel >= 0 && channelAt !== channel) || (language >= 0 && languageAt !== language)) continue;
          if (source >= 0 && sourceAt !== source) continue;
          cell.team_id = teamId;
          cell.agent_id = agentId;
          cell.channel = labels[channelAt] ?? '';
          cell.language = labels[languageAt] ?? '';
          cell.source = labels[sourceAt] ?? '';
          const id = groupOf(block, cell);
          let group = groups.get(id);
          if (group === undefined) {
            group = accumulator.addGroup();
            groups.set(id, group);
            samples.push({ block, cell: { ...cell } });
          }
          accumulator.add(group, i, columns, sketchParts);
        }
      }
    }
    return samples.map((sample, group) => toResult(sample.block, sample.cell, accumulator.sums(group)));
  }

  /** Team names and agent external ids by id. */
  async names() {
    return new RollupsRepository(this.database.kysely).names();
  }
}

/** Refreshes rollups in the background every few seconds while there are changes; returns a stop function. */
export function startRollupUpkeep(
  database: Database,
  log: (message: string) => void,
  everyMs = 5000,
): () => Promise<void> {
  const service = new RollupsService(database);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(async () => {
        const done = await service.refresh();
        if (done >= BATCH) log(`rollups refreshed for ${done} changed conversations`);
      })
      .catch((error: unknown) =>
        log(`rollup refresh failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
