/**
 * The API calls of the administration's users, teams, agents and API tokens, with the shapes
 * they read. They go through the pages' `call`, so writes carry the session's CSRF token.
 */
import { buildQueryString } from './client';
import { call } from './pages';
import type { UserRole } from './types';

const id = (value: number) => encodeURIComponent(String(value));

/** A user as the administration lists them, disabled ones included. */
export interface UserAccount {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  /** The agent id in the source system, when the user is linked to an agent. */
  agent_id: string | null;
  disabled: boolean;
}

/** What a user change sets; absent fields stay. */
export interface UserChanges {
  name?: string;
  role?: UserRole;
  agent_id?: string | null;
  disabled?: boolean;
}

/** Every user with whether each is disabled (admins only). */
export function listUserAccounts(signal?: AbortSignal): Promise<UserAccount[]> {
  return call('GET', '/users', { signal });
}

/** Changes a user; the server keeps one enabled administrator (409 `last_admin`). */
export function updateUser(userId: number, changes: UserChanges): Promise<UserAccount> {
  return call('PATCH', `/users/${id(userId)}`, { body: changes });
}

/** Gives a user a generated password, returned this once, and ends their sessions. */
export function resetUserPassword(userId: number): Promise<{ password: string | null }> {
  return call('POST', `/users/${id(userId)}/password`, { body: {} });
}

/** A personal API token as listed; the secret itself is never listed. */
export interface ApiToken {
  id: number;
  name: string;
  /** The token starts with `kv_<prefix>_`. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  user_id: number;
  owner_email: string;
}

/** The signed-in user's tokens, or everybody's for an admin asking for `all`. */
export function listTokens(all: boolean, signal?: AbortSignal): Promise<ApiToken[]> {
  return call('GET', `/tokens${buildQueryString({ all: all || undefined })}`, { signal });
}

/** Revokes a token; revoking a revoked one changes nothing. */
export function revokeToken(tokenId: number): Promise<void> {
  return call('DELETE', `/tokens/${id(tokenId)}`);
}

/** A team with what refers to it. */
export interface Team {
  id: number;
  name: string;
  agent_count: number;
  has_conversations: boolean;
  created_at: string;
}

/** Every team by name. */
export function listTeams(signal?: AbortSignal): Promise<Team[]> {
  return call('GET', '/teams', { signal });
}

/** Creates a team; a name taken in any case answers 409 `team_exists`. */
export function createTeam(name: string): Promise<Team> {
  return call('POST', '/teams', { body: { name } });
}

/** Renames a team; a name taken in any case answers 409 `team_exists`. */
export function renameTeam(teamId: number, name: string): Promise<Team> {
  return call('PATCH', `/teams/${id(teamId)}`, { body: { name } });
}

/** Deletes a team nothing refers to; otherwise 409 `team_in_use`. */
export function deleteTeam(teamId: number): Promise<void> {
  return call('DELETE', `/teams/${id(teamId)}`);
}

/** An agent with its current team and linked user. */
export interface Agent {
  id: number;
  external_id: string;
  name: string | null;
  team_id: number | null;
  team: string | null;
  user_email: string | null;
  created_at: string;
}

/** A page of agents and how many match in all. */
export interface AgentPage {
  agents: Agent[];
  total: number;
}

/** Agents by name, of one team (id or name) and matching a search. */
export function listAgents(
  query: { team?: string | undefined; q?: string | undefined; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<AgentPage> {
  return call('GET', `/agents${buildQueryString(query)}`, { signal });
}

/** Renames an agent or moves it to another current team (null: none). */
export function updateAgent(
  agentId: number,
  changes: { name?: string | null; team?: number | null },
): Promise<Agent> {
  return call('PATCH', `/agents/${id(agentId)}`, { body: changes });
}
