/** Users, passwords, sign-in sessions and API tokens. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { type UserRecord, UsersRepository } from './users.repository.js';
import { type PublicUser, ROLES, type Role } from './users.schema.js';

/** A signed-in user as the rest of the application sees it. */
export interface Principal {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Internal id of the agent this user is, for agents. */
  agentId: number | null;
  agentExternalId: string | null;
}

/** Raised when a user cannot be created as asked. */
export class UserInputError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
// so response times do not reveal which e-mail addresses have accounts.
let decoyHash: Promise<string> | undefined;

function toPrincipal(record: UserRecord): Principal {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role as Role,
    agentId: record.agent_id,
    agentExternalId: record.agent_external_id,
  };
}

/** The user as the API shows it. */
export function publicUser(principal: Principal): PublicUser {
  return {
    id: principal.id,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    agent_id: principal.agentExternalId,
  };
}

/** Use cases of users and authentication. */
export class UsersService {
  private readonly repository: UsersRepository;

  constructor(
    db: Kysely<DB>,
    private readonly sessionHours = 12,
  ) {
    this.repository = new UsersRepository(db);
  }

  /** Creates a user; generates a password when none is given and returns it once. */
  async createUser(input: {
    email: string;
    role: string;
    name?: string | undefined;
    password?: string | undefined;
    agentExternalId?: string | undefined;
  }): Promise<{ user: Principal; password: string | null }> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new UserInputError('email', `not an e-mail address: "${input.email}"`);
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw new UserInputError('role', `must be one of ${ROLES.join(', ')}, not "${input.role}"`);
    }
    if (input.password !== undefined && input.password.length < 10) {
      throw new UserInputError('password', 'must be at least 10 characters');
    }
    if (input.role === 'agent' && !input.agentExternalId) {
      throw new UserInputError('agent_id', 'required for the agent role (the agent id in the source system)');
    }
    if (await this.repository.findByEmail(email))
      throw new UserInputError('email', `already taken: "${email}"`);
    const generated = input.password === undefined ? generatePassword() : null;
    const agentId = input.agentExternalId ? await this.repository.ensureAgent(input.agentExternalId) : null;
    const id = await this.repository.insert({
      email,
      name: input.name?.trim() || email.split('@')[0] || email,
      role: input.role,
      password_hash: await hashPassword(input.password ?? (generated as string)),
      agent_id: agentId,
    });
    const record = await this.repository.findById(id);
    if (!record) throw new Error(`user ${id} vanished after insert`);
    return { user: toPrincipal(record), password: generated };
  }

  /** Sets a new password; returns it when generated. */
  async resetPassword(email: string, password?: string): Promise<string> {
    const record = await this.repository.findByEmail(email.trim().toLowerCase());
    if (!record) throw new UserInputError('email', `no such user: "${email}"`);
    const next = password ?? generatePassword();
    await this.repository.setPassword(record.id, await hashPassword(next));
    return next;
  }

  /** All users. */
  async listUsers(): Promise<Principal[]> {
    return (await this.repository.list()).map(toPrincipal);
  }

  /** How many users exist. */
  countUsers(): Promise<number> {
    return this.repository.countUsers();
  }

  /** The user with this e-mail and password, or null. */
  async authenticate(email: string, password: string): Promise<Principal | null> {
    const record = await this.repository.findByEmail(email.trim().toLowerCase());
    if (!record?.password_hash || record.disabled) {
      decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await decoyHash);
      return null;
    }
    return (await verifyPassword(password, record.password_hash)) ? toPrincipal(record) : null;
  }

  /** Opens a session; the token goes into the cookie, only its hash into the database. */
  async createSession(userId: number): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = Date.now();
    const expiresAt = now + this.sessionHours * 3_600_000;
    // Sign-ins are rare enough to sweep expired sessions here instead of on a timer.
    await this.repository.deleteExpiredSessions(now);
    await this.repository.insertSession({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    });
    return { token, csrfToken, expiresAt };
  }

  /** The user and CSRF token of a live session, or null. */
  async resolveSession(token: string): Promise<{ principal: Principal; csrfToken: string } | null> {
    const session = await this.repository.findSession(sha256(token));
    if (!session) return null;
    if (session.expires_at < Date.now()) {
      await this.repository.deleteSession(session.token_hash);
      return null;
    }
    const record = await this.repository.findById(session.user_id);
    if (!record || record.disabled) return null;
    return { principal: toPrincipal(record), csrfToken: session.csrf_token };
  }

  /** Ends a session. */
  async endSession(token: string): Promise<void> {
    await this.repository.deleteSession(sha256(token));
  }

  /** Creates a personal API token; the token is returned once and stored hashed. */
  async createApiToken(userId: number, name: string): Promise<{ id: number; name: string; token: string }> {
    const prefix = randomBytes(4).toString('hex');
    const token = `kv_${prefix}_${randomBytes(24).toString('base64url')}`;
    const id = await this.repository.insertToken({
      user_id: userId,
      name,
      token_hash: sha256(token),
      prefix,
    });
    return { id, name, token };
  }

  /** The owner of a live API token, or null. */
  async resolveApiToken(token: string): Promise<Principal | null> {
    const row = await this.repository.findActiveToken(sha256(token));
    if (!row) return null;
    const record = await this.repository.findById(row.user_id);
    if (!record || record.disabled) return null;
    const now = Date.now();
    // Recording every use would turn each read into a write; once a minute is enough to audit.
    if (row.last_used_at === null || now - row.last_used_at > 60_000)
      await this.repository.touchToken(row.id, now);
    return toPrincipal(record);
  }
}
