/**
 * Teams and agents. An agent's team is its current team; every conversation keeps the team it
 * was recorded with at import, so moving an agent never rewrites history. Teams and agents are
 * few (one row per team or person, not per contact), so listing them whole is cheap.
 */
import type { Database } from '../../db/database.js';
import { conflictError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { AgentRecord, TeamRecord } from './teams.repository.js';
import { TeamsRepository } from './teams.repository.js';
import type { AgentView, TeamView } from './teams.schema.js';

/** What `GET /agents` filters by. */
export interface AgentQuery {
  /** A team id, or a team name in any case. */
  team?: string | undefined;
  /** Part of the name or of the agent id, in any case and with or without diacritics. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** What `PATCH /agents/:id` changes; absent fields stay. */
export interface AgentChanges {
  name?: string | null | undefined;
  /** The id of the new current team; null: none. */
  team?: number | null | undefined;
}

/** How team names are compared: "Billing " and "billing" are the same team. */
export function teamNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/** Case and diacritics folded away, for searching names typed without them. */
function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function toTeam(record: TeamRecord): TeamView {
  return {
    id: Number(record.id),
    name: record.name,
    agent_count: Number(record.agent_count),
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
    has_conversations: Boolean(Number(record.has_conversations)),
    created_at: new Date(Number(record.created_at)).toISOString(),
  };
}

function toAgent(record: AgentRecord): AgentView {
  return {
    id: Number(record.id),
    external_id: record.external_id,
    name: record.name,
    team_id: record.team_id === null ? null : Number(record.team_id),
    team: record.team,
    user_email: record.user_email,
    created_at: new Date(Number(record.created_at)).toISOString(),
  };
}

/** Use cases of teams and agents. */
export class TeamsService {
  private readonly repository: TeamsRepository;

  constructor(database: Database) {
    this.repository = new TeamsRepository(database.kysely);
  }

  /** Every team with its number of agents and whether conversations refer to it. */
  async list(): Promise<TeamView[]> {
    return (await this.repository.listTeams()).map(toTeam);
  }

  /** Creates a team; a name taken in any case is refused. */
  async create(name: string): Promise<TeamView> {
    const trimmed = await this.availableName(name);
    const id = await this.repository.insertTeam(trimmed, Date.now());
    if (id === undefined) throw this.duplicate(trimmed);
    return this.get(id);
  }

  /**
   * Renames a team. Conversations, agents and metrics refer to the team by id and follow; an
   * import that still carries the old name creates a team of that name again.
   */
  async rename(id: number, name: string): Promise<TeamView> {
    await this.get(id);
    const trimmed = await this.availableName(name, id);
    await this.repository.renameTeam(id, trimmed);
    return this.get(id);
  }

  /** Deletes a team that no agent and no conversation refers to. */
  async delete(id: number): Promise<void> {
    const team = await this.get(id);
    const use = await this.repository.teamUse(id);
    if (use.agents > 0 || use.conversations > 0) {
      throw conflictError(
        'team_in_use',
        `team "${team.name}" is the current team of ${use.agents} agent(s) and was recorded with ${use.conversations} conversation(s); move the agents first, and keep a team that conversations refer to`,
        { agents: use.agents, conversations: use.conversations },
      );
    }
    await this.repository.deleteTeam(id);
  }

  /** A page of agents by name, optionally of one team and matching a search. */
  async listAgents(query: AgentQuery): Promise<{ agents: AgentView[]; total: number }> {
    let teamId: number | undefined;
    if (query.team !== undefined) {
      const wanted = query.team.trim();
      const teams = await this.repository.teamNames();
      const team =
        teams.find((t) => /^\d+$/.test(wanted) && Number(t.id) === Number(wanted)) ??
        teams.find((t) => teamNameKey(t.name) === teamNameKey(wanted));
      if (!team) return { agents: [], total: 0 };
      teamId = Number(team.id);
    }
    let agents = (await this.repository.listAgents(teamId)).map(toAgent);
    const q = query.q?.trim();
    if (q) {
      // Filtered here rather than in SQL: SQLite's lower() and LIKE fold ASCII letters only.
      const key = searchKey(q);
      agents = agents.filter(
        (agent) => searchKey(agent.external_id).includes(key) || searchKey(agent.name ?? '').includes(key),
      );
    }
    agents.sort(
      (a, b) =>
        collator.compare(a.name ?? a.external_id, b.name ?? b.external_id) ||
        collator.compare(a.external_id, b.external_id),
    );
    return { agents: agents.slice(query.offset, query.offset + query.limit), total: agents.length };
  }

  /**
   * Renames an agent or moves it to another current team. Conversations already stored keep the
   * team they were recorded with.
   */
  async updateAgent(id: number, changes: AgentChanges): Promise<AgentView> {
    const agent = await this.repository.findAgent(id);
    if (!agent) throw notFoundError(`agent ${id}`);
    const update: { name?: string | null; team_id?: number | null } = {};
    if (changes.name !== undefined) update.name = changes.name === null ? null : changes.name.trim() || null;
    if (changes.team !== undefined) {
      if (changes.team !== null && !(await this.repository.findTeam(changes.team))) {
        throw invalidInput([{ field: 'team', reason: `no team ${changes.team}` }]);
      }
      update.team_id = changes.team;
    }
    if (Object.keys(update).length > 0) await this.repository.updateAgent(id, update);
    const updated = await this.repository.findAgent(id);
    if (!updated) throw notFoundError(`agent ${id}`);
    return toAgent(updated);
  }

  private async get(id: number): Promise<TeamView> {
    const team = await this.repository.findTeam(id);
    if (!team) throw notFoundError(`team ${id}`);
    return toTeam(team);
  }

  /** The trimmed name when no other team has it in any case. */
  private async availableName(name: string, exceptId?: number): Promise<string> {
    const trimmed = name.trim();
    if (!trimmed) throw invalidInput([{ field: 'name', reason: 'must not be blank' }]);
    const key = teamNameKey(trimmed);
    const taken = (await this.repository.teamNames()).find(
      (team) => Number(team.id) !== exceptId && teamNameKey(team.name) === key,
    );
    if (taken) throw this.duplicate(taken.name);
    return trimmed;
  }

  private duplicate(name: string) {
    return conflictError('team_exists', `a team named "${name}" exists already`);
  }
}
