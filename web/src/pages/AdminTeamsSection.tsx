/**
 * Teams and agents in the administration: add, rename and delete teams, and move agents between
 * teams. Moving an agent changes its current team; stored conversations keep theirs.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Agent,
  createTeam,
  deleteTeam,
  listAgents,
  listTeams,
  renameTeam,
  type Team,
  updateAgent,
} from '../api/admin';
import type { ApiError } from '../api/client';
import { DebouncedTextInput } from '../components/DebouncedTextInput';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { Pager } from '../components/Pager';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';

const AGENTS_PER_PAGE = 50;

/** A refusal of the teams API in the interface language, or the generic error box. */
function TeamError({ error }: { error: ApiError }) {
  const { t } = useTranslation('admin');
  const known: Record<string, string> = {
    team_exists: t('teams.errors.exists'),
    team_in_use: t('teams.errors.inUse'),
  };
  const text = known[error.code];
  return text ? (
    <p className="notice notice--error" role="alert" data-testid="team-error">
      {text}
    </p>
  ) : (
    <FieldErrors error={error} />
  );
}

function CreateTeamForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createTeam(name.trim());
      setName('');
      onCreated();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="team-form">
      <h2>{t('teams.create')}</h2>
      <p className="muted-small">{t('teams.hint')}</p>
      <label className="field">
        <span className="field__label">{t('teams.name')}</span>
        <input
          className="input"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={error ? 'team-form-error' : undefined}
          data-testid="team-name"
        />
      </label>
      {error ? (
        <div id="team-form-error">
          <TeamError error={error} />
        </div>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="team-create">
          {t('teams.submit')}
        </button>
      </div>
    </form>
  );
}

function TeamRow({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const inUse = team.agent_count > 0 || team.has_conversations;
  const reasonId = `team-${team.id}-in-use`;
  const errorId = `team-${team.id}-error`;
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setEditing(false);
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    void act(() => renameTeam(team.id, name.trim()));
  };
  const remove = () => {
    if (!window.confirm(t('teams.confirmDelete', { name: team.name }))) return;
    void act(() => deleteTeam(team.id));
  };
  const reasons = [
    team.agent_count > 0 ? t('teams.inUseAgents', { count: team.agent_count }) : null,
    team.has_conversations ? t('teams.inUseConversations') : null,
  ].filter(Boolean);
  return (
    <>
      <tr data-testid="team-row" data-team={team.name}>
        <th scope="row">
          {editing ? (
            <form className="row-actions" onSubmit={rename}>
              <input
                className="input input--compact"
                required
                maxLength={200}
                aria-label={t('teams.renameLabel', { name: team.name })}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                value={name}
                onChange={(e) => setName(e.target.value)}
                data-testid="team-rename-input"
              />
              <button
                type="submit"
                className="button button--primary"
                disabled={busy}
                data-testid="team-rename-save"
              >
                {t('teams.save')}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setEditing(false);
                  setName(team.name);
                  setError(null);
                }}
              >
                {t('teams.cancel')}
              </button>
            </form>
          ) : (
            team.name
          )}
        </th>
        <td className="numeric" data-testid="team-agents">
          {format.number(team.agent_count, 0)}
        </td>
        <td>
          {team.has_conversations ? (
            <Link to={`/conversations?team=${encodeURIComponent(team.name)}`}>
              {t('teams.showConversations')}
            </Link>
          ) : (
            <span className="muted-small">{t('teams.noConversations')}</span>
          )}
        </td>
        <td>
          <div className="row-actions">
            {editing ? null : (
              <button
                type="button"
                className="button"
                onClick={() => setEditing(true)}
                aria-label={t('teams.renameNamed', { name: team.name })}
                data-testid="team-rename"
              >
                {t('teams.rename')}
              </button>
            )}
            <button
              type="button"
              className="button button--quiet"
              disabled={busy || inUse}
              aria-describedby={inUse ? reasonId : undefined}
              onClick={remove}
              aria-label={t('teams.deleteNamed', { name: team.name })}
              data-testid="team-delete"
            >
              {t('teams.delete')}
            </button>
          </div>
          {inUse ? (
            <span id={reasonId} className="muted-small" data-testid="team-in-use">
              {`${t('teams.inUse')} ${reasons.join('; ')}.`}
            </span>
          ) : null}
        </td>
      </tr>
      {error ? (
        <tr>
          <td colSpan={4} id={errorId}>
            <TeamError error={error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function AgentRow({ agent, teams, onMoved }: { agent: Agent; teams: Team[]; onMoved: () => void }) {
  const { t } = useTranslation('admin');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const label = agent.name ?? agent.external_id;
  const move = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      await updateAgent(agent.id, { team: value === '' ? null : Number(value) });
      onMoved();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr data-testid="agent-row" data-agent={agent.external_id}>
        <td>
          <code>{agent.external_id}</code>
        </td>
        <th scope="row">{agent.name ?? '—'}</th>
        <td>
          <select
            className="input input--compact"
            aria-label={t('agents.teamOf', { agent: label })}
            value={agent.team_id === null ? '' : String(agent.team_id)}
            disabled={busy}
            onChange={(e) => void move(e.target.value)}
            data-testid="agent-team"
          >
            <option value="">{t('agents.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={String(team.id)}>
                {team.name}
              </option>
            ))}
          </select>
        </td>
        <td>{agent.user_email ?? '—'}</td>
      </tr>
      {error ? (
        <tr>
          <td colSpan={4}>
            <FieldErrors error={error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function AgentsPanel({ teams, onMoved }: { teams: Team[]; onMoved: () => void }) {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const [team, setTeam] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = { team: team || undefined, q: q || undefined, limit: AGENTS_PER_PAGE, offset };
  const agents = useApiData(`admin-agents ${JSON.stringify(query)}`, (signal) => listAgents(query, signal));
  const total = agents.data?.total ?? 0;
  const moved = () => {
    agents.reload();
    onMoved();
  };
  return (
    <section className="panel stack" aria-labelledby="agents-title" data-testid="agents-panel">
      <h2 id="agents-title">{t('agents.title')}</h2>
      <p className="muted-small">{t('agents.hint')}</p>
      <div className="filter-row">
        <label className="field" htmlFor="agents-search">
          <span className="field__label">{t('agents.search')}</span>
          <DebouncedTextInput
            id="agents-search"
            className="input"
            type="search"
            value={q}
            onCommit={(value) => {
              setQ(value);
              setOffset(0);
            }}
            data-testid="agents-search"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('agents.teamFilter')}</span>
          <select
            className="input"
            value={team}
            onChange={(e) => {
              setTeam(e.target.value);
              setOffset(0);
            }}
            data-testid="agents-team-filter"
          >
            <option value="">{t('agents.allTeams')}</option>
            {teams.map((option) => (
              <option key={option.id} value={String(option.id)}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {agents.error ? (
        <ErrorNotice error={agents.error} onRetry={agents.reload} retryLabel={t('retry')} />
      ) : null}
      {agents.data ? (
        <p className="muted-small" role="status" data-testid="agents-count">
          {t('agents.count', { count: total, formatted: format.number(total, 0) })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="agents-table">
          <caption className="sr-only">{t('agents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agents.externalId')}</th>
              <th scope="col">{t('agents.name')}</th>
              <th scope="col">{t('agents.team')}</th>
              <th scope="col">{t('agents.user')}</th>
            </tr>
          </thead>
          <tbody>
            {(agents.data?.agents ?? []).map((agent) => (
              <AgentRow key={agent.id} agent={agent} teams={teams} onMoved={moved} />
            ))}
          </tbody>
        </table>
      </div>
      {total > AGENTS_PER_PAGE ? (
        <Pager
          pageNumber={Math.floor(offset / AGENTS_PER_PAGE) + 1}
          hasPrevious={offset > 0}
          hasNext={offset + AGENTS_PER_PAGE < total}
          disabled={agents.loading}
          onPrevious={() => setOffset(Math.max(0, offset - AGENTS_PER_PAGE))}
          onNext={() => setOffset(offset + AGENTS_PER_PAGE)}
        />
      ) : null}
    </section>
  );
}

/** The teams section: teams with their agent counts, and the agents with their current team. */
export function AdminTeamsSection() {
  const { t } = useTranslation('admin');
  const teams = useApiData('admin-teams', (signal) => listTeams(signal));
  return (
    <div className="stack">
      <CreateTeamForm onCreated={teams.reload} />
      {teams.error ? (
        <ErrorNotice error={teams.error} onRetry={teams.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="teams-table">
          <caption className="sr-only">{t('teams.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.team')}</th>
              <th scope="col" className="numeric">
                {t('teams.agents')}
              </th>
              <th scope="col">{t('teams.conversations')}</th>
              <th scope="col">{t('teams.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(teams.data ?? []).map((team) => (
              <TeamRow key={`${team.id}:${team.name}`} team={team} onChanged={teams.reload} />
            ))}
          </tbody>
        </table>
      </div>
      <AgentsPanel teams={teams.data ?? []} onMoved={teams.reload} />
    </div>
  );
}
