/** SQL for users, sessions and API tokens. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

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
}
