/** SQL of scorecards and their versions. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A scorecard with the definition of its current version, as stored. */
export interface ScorecardRow {
  id: number;
  name: string;
  current_version: number;
  is_default: number;
  archived: number;
  created_at: number;
  updated_at: number;
  version_id: number;
  definition: string;
}

/** Reads and writes scorecards. */
export class ScorecardsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withCurrent(db: Kysely<DB> = this.db) {
    return db
      .selectFrom('scorecards as s')
      .innerJoin('scorecard_versions as v', (join) =>
        join.onRef('v.scorecard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
      )
      .select([
        's.id',
        's.name',
        's.current_version',
        's.is_default',
        's.archived',
        's.created_at',
        's.updated_at',
        'v.id as version_id',
        'v.definition',
      ]);
  }

  /** Every scorecard, default first, then by name. */
  async list(includeArchived: boolean): Promise<ScorecardRow[]> {
    let query = this.withCurrent();
    if (!includeArchived) query = query.where('s.archived', '=', 0);
    return query.orderBy('s.is_default', 'desc').orderBy('s.name').orderBy('s.id').execute();
  }

  /** One scorecard with its current definition. */
  async find(id: number, db: Kysely<DB> = this.db): Promise<ScorecardRow | undefined> {
    return this.withCurrent(db).where('s.id', '=', id).executeTakeFirst();
  }

  /** The scorecard with this name, if any. */
  async findByName(name: string, db: Kysely<DB> = this.db): Promise<ScorecardRow | undefined> {
    return this.withCurrent(db).where('s.name', '=', name).orderBy('s.id').executeTakeFirst();
  }

  /** The default scorecard, if one is set. */
  async findDefault(db: Kysely<DB> = this.db): Promise<ScorecardRow | undefined> {
    return this.withCurrent(db).where('s.is_default', '=', 1).where('s.archived', '=', 0).executeTakeFirst();
  }

  /** Every version of a scorecard, newest first. */
  async versions(scorecardId: number) {
    return this.db
      .selectFrom('scorecard_versions')
      .select(['id', 'version', 'created_by', 'created_at'])
      .where('scorecard_id', '=', scorecardId)
      .orderBy('version', 'desc')
      .execute();
  }

  /** One version by its row id (reviews point at versions, not at scorecards). */
  async version(versionId: number) {
    return this.db
      .selectFrom('scorecard_versions')
      .select(['id', 'scorecard_id', 'version', 'definition', 'created_at'])
      .where('id', '=', versionId)
      .executeTakeFirst();
  }

  /** One version by scorecard and number. */
  async versionByNumber(scorecardId: number, version: number) {
    return this.db
      .selectFrom('scorecard_versions')
      .select(['id', 'scorecard_id', 'version', 'definition', 'created_at'])
      .where('scorecard_id', '=', scorecardId)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  /** Creates a scorecard with its first version. */
  async create(
    tx: Transaction<DB>,
    input: { name: string; definition: string; userId: number | null; isDefault: boolean; now: number },
  ): Promise<number> {
    const scorecard = await tx
      .insertInto('scorecards')
      .values({
        name: input.name,
        current_version: 1,
        is_default: input.isDefault ? 1 : 0,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('scorecard_versions')
      .values({
        scorecard_id: scorecard.id,
        version: 1,
        definition: input.definition,
        created_by: input.userId,
        created_at: input.now,
      })
      .execute();
    return scorecard.id;
  }

  /**
   * Adds version `version` and makes it current, unless another edit made a version since
   * `previous`; returns whether it was added.
   */
  async addVersion(
    tx: Transaction<DB>,
    input: {
      scorecardId: number;
      previous: number;
      name: string;
      definition: string;
      userId: number | null;
      now: number;
    },
  ): Promise<boolean> {
    const moved = await tx
      .updateTable('scorecards')
      .set({ current_version: input.previous + 1, name: input.name, updated_at: input.now })
      .where('id', '=', input.scorecardId)
      .where('current_version', '=', input.previous)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    await tx
      .insertInto('scorecard_versions')
      .values({
        scorecard_id: input.scorecardId,
        version: input.previous + 1,
        definition: input.definition,
        created_by: input.userId,
        created_at: input.now,
      })
      .execute();
    return true;
  }

  /** Archives or restores a scorecard. */
  async setArchived(id: number, archived: boolean, now: number): Promise<void> {
    await this.db
      .updateTable('scorecards')
      .set({ archived: archived ? 1 : 0, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Makes `id` the only default scorecard. */
  async setDefault(id: number, now: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('scorecards').set({ is_default: 0 }).where('is_default', '=', 1).execute();
      await tx
        .updateTable('scorecards')
        .set({ is_default: 1, updated_at: now })
        .where('id', '=', id)
        .execute();
    });
  }
}
