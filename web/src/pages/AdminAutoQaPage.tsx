/**
 * AutoQA settings: which checks run and which put a conversation into the QA queue, extra
 * phrases per lexicon category and language, the jargon list per language, and the first-response
 * targets per channel. Each part saves on its own; the conversations are analysed again.
 */
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { type AutoQaSettings, getAutoQaSettings, saveAutoQaSettings } from '../api/pages';
import { CHANNELS } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useApiData } from '../lib/useApiData';
import './pages-extra.css';

/** Every AutoQA check, in the order of the checklist (the engine's CHECK_IDS). */
const CHECKS = [
  'greeting',
  'customer_name',
  'empathy',
  'no_jargon',
  'clear_next_steps',
  'time_estimate',
  'concrete_answer',
  'options_offered',
  'education',
  'anything_else',
  'thanks',
  'rating_request',
  'positive_tone',
  'no_blame',
  'escalation_offered',
  'answered_questions',
  'first_response_sla',
  'follow_up_24h',
  'talk_over',
  'long_silence',
  'talk_ratio',
] as const;

/** Lexicon categories an organisation may add phrases to (see the engine's Lexicon). */
const PHRASE_CATEGORIES = [
  'agent.greeting',
  'agent.askName',
  'agent.apology',
  'agent.empathy',
  'agent.nextSteps',
  'agent.timeEstimate',
  'agent.vague',
  'agent.options',
  'agent.education',
  'agent.anythingElse',
  'agent.thanks',
  'agent.ratingRequest',
  'agent.rude',
  'agent.blame',
  'agent.escalationOffer',
  'agent.resolvedNow',
  'customer.problem',
  'customer.concreteQuestion',
  'customer.escalationRequest',
  'customer.nameIntro',
  'concrete',
] as const;

const LANGUAGES = ['en', 'ru', 'bg', 'hr', 'hu'] as const;
const TARGET_KEYS = [...CHANNELS, 'default'] as const;

/** Phrases of a text area: one a line, trimmed, without blanks or repeats. */
export function phraseLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

function SaveBar({ onSave, testId, saved }: { onSave: () => void; testId: string; saved: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <div className="row-actions">
      <button type="button" className="button button--primary" onClick={onSave} data-testid={testId}>
        {t('save')}
      </button>
      {saved ? (
        <span className="text-success" role="status">
          {t('saved')}
        </span>
      ) : null}
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel stack stack--tight">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function SettingsForm({
  settings,
  onSaved,
}: {
  settings: AutoQaSettings;
  onSaved: (s: AutoQaSettings) => void;
}) {
  const { t } = useTranslation('admin');
  const [disabled, setDisabled] = useState(new Set(settings.disabledChecks));
  const [critical, setCritical] = useState(new Set(settings.criticalChecks));
  const [phraseLanguage, setPhraseLanguage] = useState<string>('en');
  const [phraseCategory, setPhraseCategory] = useState<string>(PHRASE_CATEGORIES[0]);
  const [phraseText, setPhraseText] = useState<string | null>(null);
  const [jargonLanguage, setJargonLanguage] = useState<string>('en');
  const [jargonText, setJargonText] = useState<string | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(TARGET_KEYS.map((key) => [key, String(settings.firstResponseTargetS[key] ?? '')])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState('');
  const [savedPart, setSavedPart] = useState('');

  const save = async (part: string, changes: Partial<AutoQaSettings>) => {
    setError(null);
    setProblem('');
    setSavedPart('');
    try {
      onSaved(await saveAutoQaSettings(changes));
      setSavedPart(part);
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const storedPhrases = settings.extraPhrases[phraseLanguage]?.[phraseCategory] ?? [];
  const storedJargon = settings.jargon[jargonLanguage];
  const flip = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  const saveTargets = () => {
    const parsed: Record<string, number> = {};
    for (const key of TARGET_KEYS) {
      const text = (targets[key] ?? '').trim();
      if (text === '') continue;
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0) {
        setProblem(t('autoqa.badTarget', { channel: t(`channel.${key}`) }));
        return;
      }
      parsed[key] = value;
    }
    void save('targets', { firstResponseTargetS: parsed });
  };

  return (
    <div className="stack" data-testid="autoqa-settings">
      {error ? <FieldErrors error={error} /> : null}
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      <Panel title={t('autoqa.checks')}>
        <p className="muted-small">{t('autoqa.checksHint')}</p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('autoqa.check')}</th>
              <th scope="col">{t('autoqa.on')}</th>
              <th scope="col">{t('autoqa.queues')}</th>
            </tr>
          </thead>
          <tbody>
            {CHECKS.map((check) => (
              <tr key={check}>
                <th scope="row">{t(`check.${check}`)}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('autoqa.onLabel', { check: t(`check.${check}`) })}
                    checked={!disabled.has(check)}
                    onChange={() => setDisabled((set) => flip(set, check))}
                    data-testid={`check-on-${check}`}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('autoqa.queuesLabel', { check: t(`check.${check}`) })}
                    checked={critical.has(check)}
                    onChange={() => setCritical((set) => flip(set, check))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <SaveBar
          testId="save-checks"
          saved={savedPart === 'checks'}
          onSave={() =>
            void save('checks', {
              disabledChecks: CHECKS.filter((c) => disabled.has(c)),
              criticalChecks: CHECKS.filter((c) => critical.has(c)),
            })
          }
        />
      </Panel>

      <Panel title={t('autoqa.phrases')}>
        <p className="muted-small">{t('autoqa.phrasesHint')}</p>
        <div className="form-grid">
          <label className="field">
            <span className="field__label">{t('autoqa.language')}</span>
            <select
              className="input"
              value={phraseLanguage}
              onChange={(e) => {
                setPhraseLanguage(e.target.value);
                setPhraseText(null);
              }}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('autoqa.category')}</span>
            <select
              className="input"
              value={phraseCategory}
              onChange={(e) => {
                setPhraseCategory(e.target.value);
                setPhraseText(null);
              }}
            >
              {PHRASE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`phrase.${category}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field__label">{t('autoqa.phraseLines')}</span>
          <textarea
            className="textarea"
            value={phraseText ?? storedPhrases.join('\n')}
            onChange={(e) => setPhraseText(e.target.value)}
            data-testid="phrases"
          />
        </label>
        <SaveBar
          testId="save-phrases"
          saved={savedPart === 'phrases'}
          onSave={() => {
            const forLanguage = { ...(settings.extraPhrases[phraseLanguage] ?? {}) };
            const lines = phraseLines(phraseText ?? storedPhrases.join('\n'));
            if (lines.length > 0) forLanguage[phraseCategory] = lines;
            else delete forLanguage[phraseCategory];
            setPhraseText(null);
            void save('phrases', {
              extraPhrases: { ...settings.extraPhrases, [phraseLanguage]: forLanguage },
            });
          }}
        />
      </Panel>

      <Panel title={t('autoqa.jargon')}>
        <p className="muted-small">{t('autoqa.jargonHint')}</p>
        <label className="field">
          <span className="field__label">{t('autoqa.language')}</span>
          <select
            className="input"
            value={jargonLanguage}
            onChange={(e) => {
              setJargonLanguage(e.target.value);
              setJargonText(null);
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted-small">{storedJargon ? t('autoqa.jargonOwn') : t('autoqa.jargonDefault')}</p>
        <textarea
          className="textarea"
          aria-label={t('autoqa.jargon')}
          value={jargonText ?? (storedJargon ?? []).join('\n')}
          onChange={(e) => setJargonText(e.target.value)}
          data-testid="jargon"
        />
        <SaveBar
          testId="save-jargon"
          saved={savedPart === 'jargon'}
          onSave={() => {
            const jargon = { ...settings.jargon };
            const lines = phraseLines(jargonText ?? (storedJargon ?? []).join('\n'));
            if (lines.length > 0) jargon[jargonLanguage] = lines;
            else delete jargon[jargonLanguage];
            setJargonText(null);
            void save('jargon', { jargon });
          }}
        />
      </Panel>

      <Panel title={t('autoqa.targets')}>
        <p className="muted-small">{t('autoqa.targetsHint')}</p>
        <div className="form-grid">
          {TARGET_KEYS.map((key) => (
            <label key={key} className="field">
              <span className="field__label">{t(`channel.${key}`)}</span>
              <input
                className="input"
                type="number"
                min={0}
                step={1}
                value={targets[key] ?? ''}
                onChange={(e) => setTargets((current) => ({ ...current, [key]: e.target.value }))}
                data-testid={`target-${key}`}
              />
            </label>
          ))}
        </div>
        <SaveBar testId="save-targets" saved={savedPart === 'targets'} onSave={saveTargets} />
      </Panel>
    </div>
  );
}

/** The AutoQA settings section. */
export function AdminAutoQaPage() {
  const { t } = useTranslation('admin');
  const loaded = useApiData('autoqa-settings', (signal) => getAutoQaSettings(signal));
  const [saved, setSaved] = useState<AutoQaSettings | null>(null);
  const settings = saved ?? loaded.data;
  if (loaded.error)
    return <ErrorNotice error={loaded.error} onRetry={loaded.reload} retryLabel={t('retry')} />;
  if (!settings) return <p className="muted">{t('loading')}</p>;
  return <SettingsForm settings={settings} onSaved={setSaved} />;
}
