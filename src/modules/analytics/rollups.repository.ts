/** The SQL of metric rollups: cells, members, the queue of changed conversations. */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DialectOperations } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { FACT_COLUMNS, type FactRow } from './facts.repository.js';

/** Setting: a token replaced whenever blocks change, so readers know when their copies are stale. */
export const BLOCKS_GENERATION_SETTING = 'analytics.rollup_blocks_generation';

/** The dimensions of a rollup cell; absent team, agent and language are 0, 0 and ''. */
export interface CellDimensions {
  team_id: number;
  agent_id: number;
  channel: string;
  language: string;
  source: string;
}

/** A stored cell: grain, period, dimensions and its encoded sums. */
export interface StoredCell extends CellDimensions {
  grain: string;
  period: string;
  conversations: number;
  data: Uint8Array;
}

/** Where a conversation was last counted. */
export interface Member extends CellDimensions {
  conversation_id: number;
  day: string;
  customer_id: number | null;
  created_at: number;
}

/** Filters a rollup read can apply to cells. */
export interface CellFilters {
  team_ids?: readonly number[];
  agent_ids?: readonly number[];
  channel?: string | undefined;
  language?: string | undefined;
  source?: string | undefined;
}

const IN_CHUNK = 900;

/** Only the dimension fields of a row that has more. */
export function pickDimensions(row: CellDimensions): CellDimensions {
  return {
    team_id: Number(row.team_id),
    agent_id: Number(row.agent_id),
    channel: row.channel,
    language: row.language,
    source: row.source,
  };
}
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/** Reads and writes rollup tables. */
export class RollupsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Takes up to `limit` changed conversations off the queue. */
  async takeDirty(limit: number): Promise<number[]> {
    const rows = await this.db
      .deleteFrom('rollup_dirty')
      .where('conversation_id', 'in', (eb) =>
        eb.selectFrom('rollup_dirty').select('conversation_id').orderBy('conversation_id').limit(limit),
      )
      .returning('conversation_id')
      .execute();
    return rows.map((row) => Number(row.conversation_id));
  }

  /** Whether any changed conversation or stale cell waits: read-only, so idle queries take no write lock. */
  async hasWork(): Promise<boolean> {
    const [dirty, stale] = await Promise.all([
      this.db.selectFrom('rollup_dirty').select('conversation_id').limit(1).executeTakeFirst(),
      this.db.selectFrom('rollup_stale').select('grain').limit(1).executeTakeFirst(),
    ]);
    return dirty !== undefined || stale !== undefined;
  }

  /** How many changed conversations wait. */
  async dirtyCount(): Promise<number> {
    const row = await this.db
      .selectFrom('rollup_dirty')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Queues every stored conversation and forgets all cells and members (a rebuild). */
  async resetAll(): Promise<void> {
    await this.markBlocksChanged();
    await this.db.deleteFrom('metric_rollups').execute();
    await this.db.deleteFrom('metric_blocks').execute();
    await this.db.deleteFrom('rollup_stale').execute();
    await this.db.deleteFrom('rollup_members').execute();
    await this.db.deleteFrom('rollup_dirty').execute();
    await this.db
      .insertInto('rollup_dirty')
      .columns(['conversation_id'])
      .expression((eb) => eb.selectFrom('conversations').select('id'))
      .execute();
  }

  /** Queues every stored conversation, keeping the cells until each is recomputed. */
  async requeueAll(): Promise<void> {
    await this.db
      .insertInto('rollup_dirty')
      .columns(['conversation_id'])
      // SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT to tell it from a join's ON.
      .expression((eb) => eb.selectFrom('conversations').select('id').where(sql<boolean>`true`))
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
  }

  /** The cells these conversations were last counted in. */
  async members(ids: readonly number[]): Promise<Member[]> {
    const out: Member[] = [];
    for (const slice of chunks(ids, IN_CHUNK))
      out.push(
        ...(await this.db
          .selectFrom('rollup_members')
          .selectAll()
          .where('conversation_id', 'in', slice)
          .execute()),
      );
    return out;
  }

  /** Replaces the members of these conversations. */
  async replaceMembers(ids: readonly number[], members: readonly Member[]): Promise<void> {
    for (const slice of chunks(ids, IN_CHUNK))
      await this.db.deleteFrom('rollup_members').where('conversation_id', 'in', slice).execute();
    for (const slice of chunks(members, 3000))
      await this.db.insertInto('rollup_members').values(slice).execute();
  }

  /** The stored conversations among these ids. */
  async conversations(ids: readonly number[]): Promise<FactRow[]> {
    const out: FactRow[] = [];
    for (const slice of chunks(ids, IN_CHUNK))
      out.push(
        ...(await this.db
          .selectFrom('conversations as c')
          .select(FACT_COLUMNS)
          .where('c.id', 'in', slice)
          .execute()),
      );
    return out;
  }

  /** Conversations created in [from, to), optionally only of these agents (null meaning no agent). */
  async conversationsCreated(
    from: number,
    to: number,
    agentIds?: ReadonlyArray<number | null>,
  ): Promise<FactRow[]> {
    let query = this.db
      .selectFrom('conversations as c')
      .select(FACT_COLUMNS)
      .where('c.created_at', '>=', from)
      .where('c.created_at', '<', to);
    if (agentIds) {
      const ids = agentIds.filter((id): id is number => id !== null);
      const none = agentIds.includes(null);
      query = query.where((eb) =>
        eb.or([
          ...(ids.length ? [eb('c.agent_id', 'in', ids)] : []),
          ...(none ? [eb('c.agent_id', 'is', null)] : []),
        ]),
      );
    }
    return query.orderBy('c.id').execute();
  }

  /** Conversations of these customers created in [from, to). */
  async customerConversations(customerIds: readonly number[], from: number, to: number): Promise<FactRow[]> {
    const out: FactRow[] = [];
    for (const slice of chunks(customerIds, IN_CHUNK))
      out.push(
        ...(await this.db
          .selectFrom('conversations as c')
          .select(FACT_COLUMNS)
          .where('c.customer_id', 'in', slice)
          .where('c.created_at', '>=', from)
          .where('c.created_at', '<', to)
          .execute()),
      );
    return out;
  }

  /** Stores cells, replacing those with the same key. */
  async upsertCells(cells: readonly StoredCell[]): Promise<void> {
    for (const slice of chunks(cells, 3000)) {
      await this.db
        .insertInto('metric_rollups')
        .values(slice)
        .onConflict((oc) =>
          oc
            .columns(['grain', 'period', 'team_id', 'agent_id', 'channel', 'language', 'source'])
            .doUpdateSet((eb) => ({
              conversations: eb.ref('excluded.conversations'),
              data: eb.ref('excluded.data'),
            })),
        )
        .execute();
    }
  }

  /** Removes one cell. */
  async deleteCell(grain: string, period: string, key: CellDimensions): Promise<void> {
    await this.db
      .deleteFrom('metric_rollups')
      .where('grain', '=', grain)
      .where('period', '=', period)
      .where('team_id', '=', key.team_id)
      .where('agent_id', '=', key.agent_id)
      .where('channel', '=', key.channel)
      .where('language', '=', key.language)
      .where('source', '=', key.source)
      .execute();
  }

  /** Cells of one grain with periods from `first` to `last` (labels, inclusive), filtered. */
  async cells(grain: string, first: string, last: string, filters: CellFilters = {}): Promise<StoredCell[]> {
    return this.cellsQuery(grain, first, last, filters).execute();
  }

  /**
   * The same cells as arrays in `StoredCell` column order (grain, period, team_id, agent_id,
   * channel, language, source, conversations, data), read without building row objects: a
   * dashboard reads tens of thousands per question.
   */
  async cellArrays(
    dialect: DialectOperations,
    grain: string,
    first: string,
    last: string,
    filters: CellFilters = {},
  ): Promise<unknown[][]> {
    return dialect.rowArrays(this.cellsQuery(grain, first, last, filters).compile());
  }

  private cellsQuery(grain: string, first: string, last: string, filters: CellFilters) {
    let query = this.db
      .selectFrom('metric_rollups')
      .select([
        'grain',
        'period',
        'team_id',
        'agent_id',
        'channel',
        'language',
        'source',
        'conversations',
        'data',
      ])
      .where('grain', '=', grain)
      .where('period', '>=', first)
      .where('period', '<=', last);
    if (filters.team_ids)
      query = query.where('team_id', 'in', filters.team_ids.length ? [...filters.team_ids] : [-1]);
    if (filters.agent_ids)
      query = query.where('agent_id', 'in', filters.agent_ids.length ? [...filters.agent_ids] : [-1]);
    if (filters.channel !== undefined) query = query.where('channel', '=', filters.channel);
    if (filters.language !== undefined) query = query.where('language', '=', filters.language);
    if (filters.source !== undefined) query = query.where('source', '=', filters.source);
    return query;
  }

  /** Notes week and month cells and blocks to recompute; already noted ones stay once. */
  async markStale(rows: ReadonlyArray<CellDimensions & { grain: string; period: string }>): Promise<void> {
    for (const slice of chunks(rows, 3000))
      await this.db
        .insertInto('rollup_stale')
        .values(slice.map((r) => ({ ...pickDimensions(r), grain: r.grain, period: r.period })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  /** Takes every noted stale cell off the list. */
  async takeStale(): Promise<Array<CellDimensions & { grain: string; period: string }>> {
    const rows = await this.db.deleteFrom('rollup_stale').returningAll().execute();
    return rows.map((r) => ({ ...pickDimensions(r), grain: r.grain, period: r.period }));
  }

  /** Replaces the parts of a block (grain, period, level); no parts removes it. */
  async putBlock(grain: string, period: string, level: string, parts: ReadonlyMap<string, Uint8Array>) {
    await this.markBlocksChanged();
    await this.db
      .deleteFrom('metric_blocks')
      .where('grain', '=', grain)
      .where('period', '=', period)
      .where('level', '=', level)
      .execute();
    if (parts.size > 0)
      await this.db
        .insertInto('metric_blocks')
        .values([...parts].map(([part, data]) => ({ grain, period, level, part, data })))
        .execute();
  }

  /** The cells of one grain and period, in key order. */
  async periodCells(grain: string, period: string): Promise<StoredCell[]> {
    return this.db
      .selectFrom('metric_rollups')
      .selectAll()
      .where('grain', '=', grain)
      .where('period', '=', period)
      .orderBy('team_id')
      .orderBy('agent_id')
      .orderBy('channel')
      .orderBy('language')
      .orderBy('source')
      .execute();
  }

  /**
   * Which parts of the blocks of one grain and level exist with periods from `first` to `last`,
   * as arrays (period, part): the primary key alone, so no block data is read.
   */
  async blockIndex(
    dialect: DialectOperations,
    grain: string,
    level: string,
    first: string,
    last: string,
    parts: readonly string[],
  ): Promise<unknown[][]> {
    return dialect.rowArrays(
      this.db
        .selectFrom('metric_blocks')
        .select(['period', 'part'])
        .where('grain', '=', grain)
        .where('level', '=', level)
        .where('part', 'in', [...parts])
        .where('period', '>=', first)
        .where('period', '<=', last)
        .compile(),
    );
  }

  /** The data of the named parts of the named periods of one grain and level, as arrays (period, part, data). */
  async blockData(
    dialect: DialectOperations,
    grain: string,
    level: string,
    periods: readonly string[],
    parts: readonly string[],
  ): Promise<unknown[][]> {
    return dialect.rowArrays(
      this.db
        .selectFrom('metric_blocks')
        .select(['period', 'part', 'data'])
        .where('grain', '=', grain)
        .where('level', '=', level)
        .where('part', 'in', [...parts])
        .where('period', 'in', [...periods])
        .compile(),
    );
  }

  /** A token that changes whenever any block is written or removed, in the same transaction. */
  async blocksGeneration(): Promise<string> {
    return (await new SettingsRepository(this.db).get(BLOCKS_GENERATION_SETTING)) ?? '';
  }

  private async markBlocksChanged(): Promise<void> {
    await new SettingsRepository(this.db).put(BLOCKS_GENERATION_SETTING, randomUUID());
  }

  /** Every cell, for comparing a rebuild with incremental upkeep. */
  async allCells(): Promise<StoredCell[]> {
    return this.db
      .selectFrom('metric_rollups')
      .selectAll()
      .orderBy('grain')
      .orderBy('period')
      .orderBy('team_id')
      .orderBy('agent_id')
      .orderBy('channel')
      .orderBy('language')
      .orderBy('source')
      .execute();
  }

  /** Team ids by name and agent ids by external id, and back. */
  async names(): Promise<{ teams: Map<number, string>; agents: Map<number, string> }> {
    const [teams, agents] = await Promise.all([
      this.db.selectFrom('teams').select(['id', 'name']).execute(),
      this.db.selectFrom('agents').select(['id', 'external_id']).execute(),
    ]);
    return {
      teams: new Map(teams.map((t) => [Number(t.id), t.name])),
      agents: new Map(agents.map((a) => [Number(a.id), a.external_id])),
    };
  }
}
