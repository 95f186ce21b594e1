import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  type Channel,
  type ConversationSort,
  type ConversationStatus,
  STATUSES,
} from '../api/types';
import {
  type ConversationFilters,
  EMPTY_FILTERS,
  hasActiveFilters,
  MAX_SEARCH_LENGTH,
  type TriState,
} from '../lib/conversationFilters';
import { channelLabel, statusLabel } from '../lib/format';
import { DebouncedTextInput } from './DebouncedTextInput';
import { useLocaleFormat } from './localeFormat';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

type TextFilter = 'q' | 'language' | 'agent' | 'team' | 'tag';

interface ConversationFilterBarProps {
  filters: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filters above the conversation list; every change is reported at once (text after a pause). */
export function ConversationFilterBar({ filters, onChange }: ConversationFilterBarProps) {
  const { t } = useTranslation('conversations');
  const format = useLocaleFormat();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof ConversationFilters>(name: K, value: ConversationFilters[K]) =>
    onChange({ ...filters, [name]: value });

  const textField = (name: TextFilter, label: string, placeholder: string, testId: string) => (
    <Field label={label} htmlFor={id(name)}>
      <DebouncedTextInput
        id={id(name)}
        className="input"
        type="text"
        value={filters[name]}
        placeholder={placeholder}
        maxLength={512}
        onCommit={(value) => set(name, value)}
        data-testid={testId}
      />
    </Field>
  );

  const yesNoField = (name: 'has_feedback' | 'complaint', label: string, testId: string) => (
    <Field label={label} htmlFor={id(name)}>
      <select
        id={id(name)}
        className="input"
        value={filters[name]}
        onChange={(event) => set(name, event.target.value as TriState)}
        data-testid={testId}
      >
        <option value="">{t('filters.any')}</option>
        <option value="true">{t('filters.yes')}</option>
        <option value="false">{t('filters.no')}</option>
      </select>
    </Field>
  );

  return (
    <search className="filter-bar" aria-label={t('filters.label')}>
      <div className="filter-bar__search">
        <Field label={t('filters.search')} htmlFor={id('q')}>
          <DebouncedTextInput
            id={id('q')}
            className="input"
            type="search"
            value={filters.q}
            placeholder={t('filters.searchPlaceholder')}
            maxLength={MAX_SEARCH_LENGTH}
            onCommit={(value) => set('q', value)}
            data-testid="filter-q"
          />
        </Field>
      </div>
      <div className="filter-bar__grid">
        <Field label={t('filters.from')} htmlFor={id('from')}>
          <input
            id={id('from')}
            className="input"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => set('from', event.target.value)}
            data-testid="filter-from"
          />
        </Field>
        <Field label={t('filters.to')} htmlFor={id('to')}>
          <input
            id={id('to')}
            className="input"
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => set('to', event.target.value)}
            data-testid="filter-to"
          />
        </Field>
        <Field label={t('filters.channel')} htmlFor={id('channel')}>
          <select
            id={id('channel')}
            className="input"
            value={filters.channel}
            onChange={(event) => set('channel', event.target.value as Channel | '')}
            data-testid="filter-channel"
          >
            <option value="">{t('filters.allChannels')}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {channelLabel(channel)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('filters.status')} htmlFor={id('status')}>
          <select
            id={id('status')}
            className="input"
            value={filters.status}
            onChange={(event) => set('status', event.target.value as ConversationStatus | '')}
            data-testid="filter-status"
          >
            <option value="">{t('filters.allStatuses')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </Field>
        {textField('language', t('filters.language'), t('filters.languagePlaceholder'), 'filter-language')}
        {textField('agent', t('filters.agent'), t('filters.agentPlaceholder'), 'filter-agent')}
        {textField('team', t('filters.team'), t('filters.teamPlaceholder'), 'filter-team')}
        {textField('tag', t('filters.tag'), t('filters.tagPlaceholder'), 'filter-tag')}
        <Field label={t('filters.weekday')} htmlFor={id('weekday')}>
          <select
            id={id('weekday')}
            className="input"
            value={filters.weekday}
            onChange={(event) => set('weekday', event.target.value)}
            data-testid="filter-weekday"
          >
            <option value="">{t('filters.anyDay')}</option>
            {WEEKDAYS.map((day) => (
              <option key={day} value={String(day)}>
                {format.weekday(day)}
              </option>
            ))}
            <option value="1-5">{t('filters.workdays')}</option>
            <option value="6,7">{t('filters.weekend')}</option>
            {/* A list from a link or a saved view stays selectable as it is. */}
            {filters.weekday && !['1-5', '6,7'].includes(filters.weekday) && !/^\d$/.test(filters.weekday) ? (
              <option value={filters.weekday}>{filters.weekday}</option>
            ) : null}
          </select>
        </Field>
        <Field label={t('filters.hour')} htmlFor={id('hour')}>
          <select
            id={id('hour')}
            className="input"
            value={filters.hour}
            onChange={(event) => set('hour', event.target.value)}
            data-testid="filter-hour"
          >
            <option value="">{t('filters.anyHour')}</option>
            {HOURS.map((hour) => (
              <option key={hour} value={String(hour)}>
                {t('filters.hourSpan', {
                  from: String(hour).padStart(2, '0'),
                  to: String(hour + 1).padStart(2, '0'),
                })}
              </option>
            ))}
            {filters.hour && !/^\d{1,2}$/.test(filters.hour) ? (
              <option value={filters.hour}>{filters.hour}</option>
            ) : null}
          </select>
        </Field>
        {yesNoField('has_feedback', t('filters.feedback'), 'filter-has-feedback')}
        {yesNoField('complaint', t('filters.complaint'), 'filter-complaint')}
        <Field label={t('filters.order')} htmlFor={id('sort')}>
          <select
            id={id('sort')}
            className="input"
            value={filters.sort}
            onChange={(event) => set('sort', event.target.value as ConversationSort)}
            data-testid="filter-sort"
          >
            <option value="-created_at">{t('filters.newestFirst')}</option>
            <option value="created_at">{t('filters.oldestFirst')}</option>
          </select>
        </Field>
        <div className="filter-bar__actions">
          <button
            type="button"
            className="button button--quiet"
            disabled={!hasActiveFilters(filters)}
            onClick={() => onChange({ ...EMPTY_FILTERS, sort: filters.sort })}
            data-testid="filter-clear"
          >
            {t('filters.clear')}
          </button>
        </div>
      </div>
    </search>
  );
}
