/** SQL for users, sessions and API tokens. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.js';

/** A user row joined with the agent it is linked to. */
export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  agent_id: number | null;
  agent_external_id: string | null;
  disabled: number;
}

/** An API token as stored, with its owner's e-mail; never the hash. */
export interface TokenRecord {
  id: number;
  user_id: number;
  owner_email: string;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Reads and writes users, sessions and tokens. */
export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private selectUsers() {
    return this.db
      .selectFrom('users')
      .leftJoin('agents', 'agents.id', 'users.agent_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.role',
        'users.password_hash',
        'users.agent_id',
        'agents.external_id as agent_external_id',
        'users.disabled',
      ]);
  }

  findByEmail(email: string): Promise<UserRecord | undefined> {
    return this.selectUsers().where('users.email', '=', email).executeTakeFirst();
  }

  findById(id: number): Promise<UserRecord | undefined> {
    return this.selectUsers().where('users.id', '=', id).executeTakeFirst();
  }

  list(): Promise<UserRecord[]> {
    return this.selectUsers().orderBy('users.email').execute();
  }

  /** Id, name and role of every enabled user, by name. */
  listEnabled(): Promise<Array<{ id: number; name: string; role: string }>> {
    return this.db
      .selectFrom('users')
      .select(['id', 'name', 'role'])
      .where('disabled', '=', 0)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  async insert(user: {
    email: string;
    name: string;
    role: string;
    password_hash: string | null;
    agent_id: number | null;
  }): Promise<number> {
    const row = await this.db
      .insertInto('users')
      .values({ ...user, disabled: 0, created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setPassword(id: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async agentIdByExternalId(externalId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('agents')
      .select('id')
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row?.id;
  }

  async ensureAgent(externalId: string): Promise<number> {
    const existing = await this.agentIdByExternalId(externalId);
    if (existing !== undefined) return existing;
    const row = await this.db
      .insertInto('agents')
      .values({ external_id: externalId, name: null, team_id: null, created_at: Date.now() })
      .onConflict((oc) => oc.column('external_id').doUpdateSet({ external_id: externalId }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertSession(session: DB['sessions']): Promise<void> {
    await this.db.insertInto('sessions').values(session).execute();
  }

  findSession(tokenHash: string) {
    return this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }

  async insertToken(token: {
    user_id: number;
    name: string;
    token_hash: string;
    prefix: string;
  }): Promise<number> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ ...token, created_at: Date.now(), last_used_at: null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  findActiveToken(tokenHash: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async touchToken(id: number, now: number): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  /** Changes a user's columns. */
  async update(id: number, changes: Updateable<UsersTable>): Promise<void> {
    await this.db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  /**
   * Runs `work` in a transaction that holds every active administrator's row, so two requests
   * demoting or disabling the last two administrators at once cannot both see the other one
   * still active: the second waits for the first and then counts again.
   */
  async withAdminsLocked<T>(work: (repository: UsersRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx: Transaction<DB>) => {
      // A no-op update takes the row locks on PostgreSQL and the write lock on SQLite, both
      // without dialect-specific SQL (SQLite has no SELECT … FOR UPDATE).
      await trx
        .updateTable('users')
        .set((eb) => ({ role: eb.ref('role') }))
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .execute();
      return work(new UsersRepository(trx));
    });
  }

  /** How many enabled administrators there are, leaving out `exceptId`. */
  async countActiveAdmins(exceptId: number): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('id', '<>', exceptId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Ends every session of a user but the one whose hash is `keepTokenHash`. */
  async deleteSessionsOf(userId: number, keepTokenHash?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepTokenHash !== undefined) query = query.where('token_hash', '<>', keepTokenHash);
    await query.execute();
  }

  /** API tokens, newest first: of one user, or of everybody when `userId` is undefined. */
  listTokens(userId: number | undefined): Promise<TokenRecord[]> {
    let query = this.selectTokens();
    if (userId !== undefined) query = query.where('api_tokens.user_id', '=', userId);
    return query.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute();
  }

  /** One API token, or undefined. */
  findToken(id: number): Promise<TokenRecord | undefined> {
    return this.selectTokens().where('api_tokens.id', '=', id).executeTakeFirst();
  }

  /** Marks a token revoked unless it already is, so the first revocation time stays. */
  async revokeToken(id: number, now: number): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  private selectTokens() {
    return this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([
        'api_tokens.id',
        'api_tokens.user_id',
        'users.email as owner_email',
        'api_tokens.name',
        'api_tokens.prefix',
        'api_tokens.created_at',
        'api_tokens.last_used_at',
        'api_tokens.revoked_at',
      ]);
  }
}
