/** Users, passwords, sign-in sessions and API tokens. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflictError, forbiddenError, notFoundError } from '../common/service-errors.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { type TokenRecord, type UserRecord, UsersRepository } from './users.repository.js';
import { type DirectoryEntry, type PublicUser, ROLES, type Role, type TokenView } from './users.schema.js';

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

/** A user as the administration sees it, disabled ones included. */
export interface UserAccount extends Principal {
  disabled: boolean;
}

/** What `PATCH /users/:id` may change; absent fields stay. */
export interface UserChanges {
  name?: string | undefined;
  role?: string | undefined;
  /** The agent id in the source system; null unlinks the user from their agent. */
  agentExternalId?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** Raised when a user cannot be created or changed as asked. */
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

function toAccount(record: UserRecord): UserAccount {
  return { ...toPrincipal(record), disabled: record.disabled !== 0 };
}

const iso = (at: number | null) => (at === null ? null : new Date(Number(at)).toISOString());

function toTokenView(record: TokenRecord): TokenView {
  return {
    id: Number(record.id),
    name: record.name,
    prefix: record.prefix,
    created_at: new Date(Number(record.created_at)).toISOString(),
    last_used_at: iso(record.last_used_at),
    revoked_at: iso(record.revoked_at),
    user_id: Number(record.user_id),
    owner_email: record.owner_email,
  };
}

/** The user as the API shows it; a signed-in principal is never disabled. */
export function publicUser(user: Principal & { disabled?: boolean }): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agent_id: user.agentExternalId,
    disabled: user.disabled ?? false,
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

  /** Sets a new password and ends the user's sessions; returns the password. */
  async resetPassword(email: string, password?: string): Promise<string> {
    const record = await this.repository.findByEmail(email.trim().toLowerCase());
    if (!record) throw new UserInputError('email', `no such user: "${email}"`);
    const next = password ?? generatePassword();
    await this.repository.setPassword(record.id, await hashPassword(next));
    await this.repository.deleteSessionsOf(record.id);
    return next;
  }

  /**
   * Sets a user's password (generated when none is given, and then returned once) and ends
   * their sessions, except `keepSessionToken`: an administrator changing their own password
   * stays signed in where they did it.
   */
  async setPassword(id: number, password?: string, keepSessionToken?: string): Promise<string | null> {
    if (password !== undefined && password.length < 10) {
      throw new UserInputError('password', 'must be at least 10 characters');
    }
    const record = await this.repository.findById(id);
    if (!record) throw notFoundError(`user ${id}`);
    const generated = password === undefined ? generatePassword() : null;
    await this.repository.setPassword(id, await hashPassword(password ?? (generated as string)));
    await this.repository.deleteSessionsOf(
      id,
      keepSessionToken === undefined ? undefined : sha256(keepSessionToken),
    );
    return generated;
  }

  /** All users. */
  async listUsers(): Promise<Principal[]> {
    return (await this.repository.list()).map(toPrincipal);
  }

  /** The staff directory: enabled users by name, without e-mail addresses, for picking owners. */
  async directory(): Promise<DirectoryEntry[]> {
    return (await this.repository.listEnabled()).map((row) => ({
      id: Number(row.id),
      name: row.name,
      role: row.role as Role,
    }));
  }

  /** All users with whether each is disabled, for the administration. */
  async listAccounts(): Promise<UserAccount[]> {
    return (await this.repository.list()).map(toAccount);
  }

  /**
   * Changes a user's name, role, agent link or whether they are disabled. At least one enabled
   * administrator always remains; disabling ends the user's sessions at once, and their API
   * tokens are refused while disabled but kept, so enabling the user again restores them.
   */
  async updateUser(id: number, changes: UserChanges): Promise<UserAccount> {
    const name = changes.name?.trim();
    if (name !== undefined && name === '') throw new UserInputError('name', 'must not be empty');
    if (changes.role !== undefined && !(ROLES as readonly string[]).includes(changes.role)) {
      throw new UserInputError('role', `must be one of ${ROLES.join(', ')}, not "${changes.role}"`);
    }
    const agentExternalId =
      typeof changes.agentExternalId === 'string' ? changes.agentExternalId.trim() : changes.agentExternalId;
    if (agentExternalId === '') throw new UserInputError('agent_id', 'must not be empty; null unlinks');
    const updated = await this.repository.withAdminsLocked(async (repository) => {
      const record = await repository.findById(id);
      if (!record) throw notFoundError(`user ${id}`);
      const role = changes.role ?? record.role;
      const disabled = changes.disabled ?? record.disabled !== 0;
      const linkedAgent = agentExternalId === undefined ? record.agent_external_id : agentExternalId;
      if (role === 'agent' && !linkedAgent) {
        throw new UserInputError(
          changes.role === undefined ? 'agent_id' : 'role',
          'the agent role needs agent_id (the agent id in the source system)',
        );
      }
      const wasActiveAdmin = record.role === 'admin' && record.disabled === 0;
      if (
        wasActiveAdmin &&
        (role !== 'admin' || disabled) &&
        (await repository.countActiveAdmins(id)) === 0
      ) {
        throw conflictError(
          'last_admin',
          `${record.email} is the only active administrator; make another user an administrator first`,
        );
      }
      await repository.update(id, {
        ...(name === undefined ? {} : { name }),
        role,
        disabled: disabled ? 1 : 0,
        ...(agentExternalId === undefined
          ? {}
          : { agent_id: agentExternalId === null ? null : await repository.ensureAgent(agentExternalId) }),
      });
      if (disabled && record.disabled === 0) await repository.deleteSessionsOf(id);
      return repository.findById(id);
    });
    if (!updated) throw notFoundError(`user ${id}`);
    return toAccount(updated);
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

  /** API tokens, newest first: the caller's own, or everybody's for an administrator asking for all. */
  async listTokens(caller: Principal, all = false): Promise<TokenView[]> {
    if (all && caller.role !== 'admin') throw forbiddenError("only administrators see other users' tokens");
    return (await this.repository.listTokens(all ? undefined : caller.id)).map(toTokenView);
  }

  /**
   * Revokes an API token: one's own, or anybody's for an administrator. Another user's token is
   * not found for everybody else. Revoking a revoked token changes nothing.
   */
  async revokeToken(caller: Principal, id: number): Promise<void> {
    const token = await this.repository.findToken(id);
    if (!token || (caller.role !== 'admin' && Number(token.user_id) !== caller.id)) {
      throw notFoundError(`API token ${id}`);
    }
    await this.repository.revokeToken(id, Date.now());
  }
}
