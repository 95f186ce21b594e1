/** Key-value settings of the installation, stored in the database. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Reads and writes settings. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The value of `key`, or undefined when unset. */
  async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  /** Sets `key` to `value`. */
  async put(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
