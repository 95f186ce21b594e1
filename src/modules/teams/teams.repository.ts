/** SQL of teams and agents. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A team with how much refers to it. */
export interface TeamRecord {
  id: number;
  name: string;
  created_at: number;
  agent_count: number;
  has_conversations: unknown;
}

/** An agent with its team's name and linked user. */
export interface AgentRecord {
  id: number;
  external_id: string;
  name: string | null;
  team_id: number | null;
  team: string | null;
  user_email: string | null;
  created_at: number;
}

/** Reads and writes teams and agents. */
export class TeamsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private selectTeams() {
    return this.db
      .selectFrom('teams')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('agents')
            .select((inner) => ['team_id', inner.fn.countAll<number>().as('n')])
            .where('team_id', 'is not', null)
            .groupBy('team_id')
            .as('a'),
        (join) => join.onRef('a.team_id', '=', 'teams.id'),
      )
      .select((eb) => [
        'teams.id',
        'teams.name',
        'teams.created_at',
        eb.fn.coalesce('a.n', sql.lit(0)).as('agent_count'),
        // One seek in the (team_id, created_at) index per team, never a count over conversations.
        eb
          .exists(
            eb
              .selectFrom('conversations')
              .select(sql.lit(1).as('one'))
              .whereRef('conversations.team_id', '=', 'teams.id'),
          )
          .as('has_conversations'),
      ]);
  }

  /** Every team by name. */
  listTeams(): Promise<TeamRecord[]> {
    return this.selectTeams().orderBy('teams.name').orderBy('teams.id').execute();
  }

  /** One team, or undefined. */
  findTeam(id: number): Promise<TeamRecord | undefined> {
    return this.selectTeams().where('teams.id', '=', id).executeTakeFirst();
  }

  /** Ids and names of every team. */
  teamNames(): Promise<Array<{ id: number; name: string }>> {
    return this.db.selectFrom('teams').select(['id', 'name']).execute();
  }

  /** Stores a team; undefined when the very same name exists already. */
  async insertTeam(name: string, now: number): Promise<number | undefined> {
    const row = await this.db
      .insertInto('teams')
      .values({ name, created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.id);
  }

  /** Gives a team a new name. */
  async renameTeam(id: number, name: string): Promise<void> {
    await this.db.updateTable('teams').set({ name }).where('id', '=', id).execute();
  }

  /** How many agents have the team as their current one, and how many conversations were recorded with it. */
  async teamUse(id: number): Promise<{ agents: number; conversations: number }> {
    const [agents, conversations] = await Promise.all([
      this.db
        .selectFrom('agents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', id)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', id)
        .executeTakeFirstOrThrow(),
    ]);
    return { agents: Number(agents.n), conversations: Number(conversations.n) };
  }

  /** Deletes a team. */
  async deleteTeam(id: number): Promise<void> {
    await this.db.deleteFrom('teams').where('id', '=', id).execute();
  }

  private selectAgents() {
    return this.db
      .selectFrom('agents')
      .leftJoin('teams', 'teams.id', 'agents.team_id')
      .select((eb) => [
        'agents.id',
        'agents.external_id',
        'agents.name',
        'agents.team_id',
        'teams.name as team',
        // Several users may stand for one agent; one address is enough to recognise it.
        eb
          .selectFrom('users')
          .select((inner) => inner.fn.min('users.email').as('email'))
          .whereRef('users.agent_id', '=', 'agents.id')
          .as('user_email'),
        'agents.created_at',
      ]);
  }

  /** Every agent, or those whose current team is `teamId`. */
  listAgents(teamId?: number): Promise<AgentRecord[]> {
    let query = this.selectAgents();
    if (teamId !== undefined) query = query.where('agents.team_id', '=', teamId);
    return query.execute() as Promise<AgentRecord[]>;
  }

  /** One agent, or undefined. */
  findAgent(id: number): Promise<AgentRecord | undefined> {
    return this.selectAgents().where('agents.id', '=', id).executeTakeFirst() as Promise<
      AgentRecord | undefined
    >;
  }

  /** Changes an agent's name or current team. */
  async updateAgent(id: number, changes: { name?: string | null; team_id?: number | null }): Promise<void> {
    await this.db.updateTable('agents').set(changes).where('id', '=', id).execute();
  }
}
