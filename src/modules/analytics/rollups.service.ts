/**
 * Keeps metric rollups current and reads them. Every write to a conversation or a review puts
 * the conversation on a queue (database triggers); `refresh` recomputes the day cells those
 * conversations left or joined — and those of the same customer's earlier conversations, whose
 * first-contact resolution a new contact can change — from the stored rows, then the week and
 * month cells above them from the day cells. Recomputing instead of adding keeps the upkeep
 * idempotent: a refresh repeated or interrupted leaves the same cells as a full rebuild.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { dayOf, dayStart } from '../../domain/calendar.js';
import {
  addDays,
  type Grain,
  monthDays,
  monthOfDay,
  type Segment,
  weekDays,
  weekOfDay,
} from '../../domain/rollup-periods.js';
import {
  addEncoded,
  addFacts,
  emptySums,
  encodeSums,
  type RollupSums,
  SKETCHED,
  type Sketched,
} from '../../domain/rollup-sums.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import { type FactRow, type FactSettings, FactsRepository, loadFactSettings } from './facts.repository.js';
import {
  type CellDimensions,
  type CellFilters,
  type Member,
  RollupsRepository,
  type StoredCell,
} from './rollups.repository.js';

const BATCH = 5000;
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
    return done;
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
    await this.recomputeAbove(trx, [...dirty.values()]);
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

  // Week and month cells as the sum of their day cells.
  private async recomputeAbove(trx: Kysely<DB>, cells: ReadonlyArray<{ day: string; key: CellDimensions }>) {
    const repository = new RollupsRepository(trx);
    for (const grain of ['week', 'month'] as const) {
      const periods = new Map<string, { first: string; last: string; keys: Map<string, CellDimensions> }>();
      for (const cell of cells) {
        const period = grain === 'week' ? weekOfDay(cell.day) : monthOfDay(cell.day);
        const entry = periods.get(period) ?? {
          ...(grain === 'week' ? weekDays(cell.day) : monthDays(cell.day)),
          keys: new Map<string, CellDimensions>(),
        };
        entry.keys.set(dimensionsId(cell.key), cell.key);
        periods.set(period, entry);
      }
      for (const [period, { first, last, keys }] of periods) {
        const sums = new Map<string, RollupSums>();
        const days = await repository.cells('day', first, last, this.narrowest([...keys.values()]));
        for (const day of days) {
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
   * Adds the cells of the segments into groups: `groupOf` names a cell's group (or undefined to
   * skip it); only the named sketches are read.
   */
  async accumulate(
    segments: readonly Segment[],
    filters: CellFilters,
    sketches: readonly Sketched[],
    groupOf: (cell: StoredCell) => string,
  ): Promise<Map<string, { cell: StoredCell; sums: RollupSums }>> {
    const repository = new RollupsRepository(this.database.kysely);
    const groups = new Map<string, { cell: StoredCell; sums: RollupSums }>();
    for (const segment of segments) {
      for (const cell of await repository.cells(segment.grain, segment.first, segment.last, filters)) {
        const id = groupOf(cell);
        let group = groups.get(id);
        if (!group) {
          group = { cell, sums: emptySums() };
          groups.set(id, group);
        }
        addEncoded(group.sums, bytesToValues(cell.data), sketches);
      }
    }
    return groups;
  }

  /** Team names and agent external ids by id. */
  async names() {
    return new RollupsRepository(this.database.kysely).names();
  }
}
