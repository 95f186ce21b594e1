/**
 * The databases integration tests run on: a fresh SQLite file always, and a fresh PostgreSQL
 * database when KVALITA_TEST_DATABASE_URL points at a server (CI starts one).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.js';

/** A database made for one test suite, with what is needed to drop it. */
export interface TestDatabase {
  database: Database;
  /** Connection string for child processes (`DATABASE_URL`), or undefined for SQLite. */
  databaseUrl: string | undefined;
  /** Data directory for child processes using SQLite. */
  dataDir: string;
  drop(): Promise<void>;
}

/** A kind of database tests can run on. */
export interface DatabaseKind {
  name: 'sqlite' | 'postgres';
  /** Why this kind is skipped here, or undefined when it runs. */
  skip: string | undefined;
  create(): Promise<TestDatabase>;
}

/** A fresh, empty data directory. */
export function tempDir(prefix = 'kvalita-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Creates an empty PostgreSQL database on the test server and returns its URL. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.KVALITA_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('KVALITA_TEST_DATABASE_URL is not set');
  const name = `kvalita_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Both kinds; PostgreSQL carries a skip reason when no server is configured. */
export const DATABASE_KINDS: DatabaseKind[] = [
  {
    name: 'sqlite',
    skip: undefined,
    async create() {
      const dataDir = tempDir();
      const database = await openDatabase({ dataDir });
      return {
        database,
        databaseUrl: undefined,
        dataDir,
        async drop() {
          await database.close();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: process.env.KVALITA_TEST_DATABASE_URL ? undefined : 'KVALITA_TEST_DATABASE_URL is not set',
    async create() {
      const created = await createPostgresDatabase();
      const dataDir = tempDir();
      const database = await openDatabase({ databaseUrl: created.url, dataDir });
      return {
        database,
        databaseUrl: created.url,
        dataDir,
        async drop() {
          await database.close();
          await created.drop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
