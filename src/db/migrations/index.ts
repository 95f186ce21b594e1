/**
 * The ordered list of migrations. Each migration is frozen once released: it imports no
 * application code and is never edited; changes come as a new migration.
 */
import type { Kysely, Migration } from 'kysely';
import * as m0001 from './0001-contacts.js';
import * as m0002 from './0002-users.js';
import * as m0003 from './0003-autoqa.js';
import * as m0004 from './0004-erasure.js';
import * as m0005 from './0005-reviews.js';
import * as m0006 from './0006-complaints.js';
import * as m0007 from './0007-rollups.js';
import * as m0008 from './0008-goals.js';
import * as m0009 from './0009-saved-views.js';
import * as m0010 from './0010-complaint-lists.js';

/** Which database a migration runs on, for the few statements that differ. */
export type MigrationDialect = 'sqlite' | 'postgres';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void>;
}

const ordered: Record<string, DialectMigration> = {
  '0001-contacts': m0001,
  '0002-users': m0002,
  '0003-autoqa': m0003,
  '0004-erasure': m0004,
  '0005-reviews': m0005,
  '0006-complaints': m0006,
  '0007-rollups': m0007,
  '0008-goals': m0008,
  '0009-saved-views': m0009,
  '0010-complaint-lists': m0010,
};

/** The migrations bound to one dialect, in the shape Kysely's Migrator wants. */
export function migrationsFor(dialect: MigrationDialect): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(ordered).map(([name, migration]) => [
      name,
      { up: (db: Kysely<unknown>) => migration.up(db, dialect) },
    ]),
  );
}
