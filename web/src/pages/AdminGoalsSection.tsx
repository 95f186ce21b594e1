/**
 * Goals in the administration: every target with its scope and days, a form to set one, the
 * target and last day editable in place. The dashboard and reports hold results against them.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { createGoal, deleteGoal, type Goal, type GoalScope, listGoals, updateGoal } from '../api/goals';
import { CHANNELS } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { channelLabel } from '../lib/format';
import { useApiData } from '../lib/useApiData';

/** Metrics a goal can be set on, in the order the form lists them. */
const GOAL_METRICS = [
  'csat',
  'nps',
  'ces',
  'frt',
  'frt_median',
  'art',
  'aht',
  'asa',
  'sla',
  'resolution_rate',
  'fcr',
  'repeat_rate',
  'answer_rate',
  'abandon_rate',
  'transfer_rate',
  'negative_rate',
  'complaint_rate',
  'iqs',
  'pass_rate',
  'autofail_rate',
  'coverage',
] as const;
const SCOPES: readonly GoalScope[] = ['organisation', 'team', 'agent', 'channel'];
const TIME_METRIC = /^(frt|art|aht|asa)(_|$)/;

function unitOf(metric: string): 'seconds' | 'percent' | 'score' {
  if (TIME_METRIC.test(metric)) return 'seconds';
  if (metric === 'nps' || metric === 'ces' || metric === 'iqs') return 'score';
  return 'percent';
}

function GoalRow({ goal, onChanged }: { goal: Goal; onChanged: () => void }) {
  const { t } = useTranslation('goals');
  const format = useLocaleFormat();
  const [target, setTarget] = useState(String(goal.target));
  const [validTo, setValidTo] = useState(goal.valid_to ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const changed = target !== String(goal.target) || validTo !== (goal.valid_to ?? '');
  const save = async () => {
    setError(null);
    try {
      await updateGoal(goal.id, { target: Number(target), valid_to: validTo || null });
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const remove = async () => {
    if (
      !window.confirm(
        t('confirmDelete', { metric: t(`metric.${goal.metric}`, { defaultValue: goal.metric }) }),
      )
    )
      return;
    try {
      await deleteGoal(goal.id);
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const scopeText =
    goal.scope === 'organisation'
      ? t('scope.organisation')
      : goal.scope === 'channel' && goal.scope_value
        ? `${t('scope.channel')}: ${channelLabel(goal.scope_value as (typeof CHANNELS)[number])}`
        : `${t(`scope.${goal.scope}`)}: ${goal.scope_value ?? ''}`;
  return (
    <tr data-testid="goal-row" data-metric={goal.metric}>
      <th scope="row">{t(`metric.${goal.metric}`, { defaultValue: goal.metric })}</th>
      <td translate="no">{scopeText}</td>
      <td>
        <label className="sr-only" htmlFor={`goal-${goal.id}-target`}>
          {t('target')}
        </label>
        <input
          id={`goal-${goal.id}-target`}
          className="input input--narrow"
          type="number"
          step="any"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          data-testid="goal-target"
        />{' '}
        <span className="muted">{t(`unit.${unitOf(goal.metric)}`)}</span>
      </td>
      <td>{format.date(`${goal.valid_from}T12:00:00`)}</td>
      <td>
        <label className="sr-only" htmlFor={`goal-${goal.id}-to`}>
          {t('validTo')}
        </label>
        <input
          id={`goal-${goal.id}-to`}
          className="input"
          type="date"
          min={goal.valid_from}
          value={validTo}
          onChange={(event) => setValidTo(event.target.value)}
        />
      </td>
      <td className="actions">
        <button
          type="button"
          className="button"
          disabled={!changed}
          onClick={() => void save()}
          data-testid="goal-save"
        >
          {t('save')}
        </button>{' '}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void remove()}
          data-testid="goal-delete"
        >
          {t('delete')}
        </button>
        {error ? <FieldErrors error={error} /> : null}
      </td>
    </tr>
  );
}

/** The goals section of the administration. */
export function AdminGoalsSection() {
  const { t } = useTranslation('goals');
  const id = useId();
  const goals = useApiData('admin-goals', (signal) => listGoals(signal));
  const [metric, setMetric] = useState<string>('csat');
  const [scope, setScope] = useState<GoalScope>('organisation');
  const [scopeValue, setScopeValue] = useState('');
  const [target, setTarget] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createGoal({
        metric,
        scope,
        scope_value: scope === 'organisation' ? null : scopeValue.trim(),
        target: Number(target),
        ...(validFrom ? { valid_from: validFrom } : {}),
        valid_to: validTo || null,
      });
      setTarget('');
      setScopeValue('');
      goals.reload();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="goal-form">
        <h2>{t('create')}</h2>
        <p className="muted">{t('hint')}</p>
        <div className="form-grid">
          <label className="field" htmlFor={`${id}-metric`}>
            <span className="field__label">{t('metricLabel')}</span>
            <select
              id={`${id}-metric`}
              className="input"
              value={metric}
              onChange={(event) => setMetric(event.target.value)}
              data-testid="goal-metric"
            >
              {GOAL_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metric.${m}`, { defaultValue: m })}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-scope`}>
            <span className="field__label">{t('scopeLabel')}</span>
            <select
              id={`${id}-scope`}
              className="input"
              value={scope}
              onChange={(event) => setScope(event.target.value as GoalScope)}
              data-testid="goal-scope"
            >
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`scope.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {scope === 'channel' ? (
            <label className="field" htmlFor={`${id}-value`}>
              <span className="field__label">{t('scope.channel')}</span>
              <select
                id={`${id}-value`}
                className="input"
                required
                value={scopeValue}
                onChange={(event) => setScopeValue(event.target.value)}
                data-testid="goal-scope-value"
              >
                <option value="">{t('choose')}</option>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {channelLabel(channel)}
                  </option>
                ))}
              </select>
            </label>
          ) : scope !== 'organisation' ? (
            <label className="field" htmlFor={`${id}-value`}>
              <span className="field__label">{scope === 'team' ? t('teamName') : t('agentId')}</span>
              <input
                id={`${id}-value`}
                className="input"
                required
                maxLength={200}
                value={scopeValue}
                onChange={(event) => setScopeValue(event.target.value)}
                data-testid="goal-scope-value"
              />
            </label>
          ) : null}
          <label className="field" htmlFor={`${id}-target`}>
            <span className="field__label">
              {t('target')} ({t(`unit.${unitOf(metric)}`)})
            </span>
            <input
              id={`${id}-target`}
              className="input"
              type="number"
              step="any"
              required
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              data-testid="goal-new-target"
            />
          </label>
          <label className="field" htmlFor={`${id}-from`}>
            <span className="field__label">{t('validFrom')}</span>
            <input
              id={`${id}-from`}
              className="input"
              type="date"
              value={validFrom}
              onChange={(event) => setValidFrom(event.target.value)}
            />
          </label>
          <label className="field" htmlFor={`${id}-to`}>
            <span className="field__label">{t('validTo')}</span>
            <input
              id={`${id}-to`}
              className="input"
              type="date"
              min={validFrom || undefined}
              value={validTo}
              onChange={(event) => setValidTo(event.target.value)}
            />
          </label>
        </div>
        {error ? <FieldErrors error={error} /> : null}
        <div>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="goal-create">
            {t('createButton')}
          </button>
        </div>
      </form>
      {goals.error ? <ErrorNotice error={goals.error} onRetry={goals.reload} /> : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="goals-table">
          <caption className="sr-only">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('metricLabel')}</th>
              <th scope="col">{t('scopeLabel')}</th>
              <th scope="col">{t('target')}</th>
              <th scope="col">{t('validFrom')}</th>
              <th scope="col">{t('validTo')}</th>
              <th scope="col">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(goals.data ?? []).map((goal) => (
              <GoalRow key={`${goal.id}-${goal.updated_at}`} goal={goal} onChanged={goals.reload} />
            ))}
            {goals.data && goals.data.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  {t('none')}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
