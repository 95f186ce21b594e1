import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CheckResult, ConversationAnalysis } from '../api/types';
import { formatDuration, formatNumber } from '../lib/format';
import type { Highlight } from './MessageThread';

/** Display name of an AutoQA check; a check this version has no name for shows its id. */
export function checkName(id: string): string {
  return i18next.t(`conversations:check.${id}`, { defaultValue: id });
}

// "failed_greeting" names a critical check that failed; the others are fixed reasons.
function flagText(flag: string, t: TFunction): string {
  if (flag.startsWith('failed_')) return t('autoqa.flag.failed', { check: checkName(flag.slice(7)) });
  return t(`autoqa.flag.${flag}`, { defaultValue: flag.replace(/_/g, ' ') });
}

// Measured checks (timings of a call or thread) state a figure instead of quoting the text; the
// engine writes it in English, so the figure is taken out and said again in the interface language.
const MEASURES: ReadonlyArray<[RegExp, (match: RegExpExecArray, t: TFunction) => string]> = [
  [
    /^(\d+) s \(target (\d+) s\)$/,
    (m, t) =>
      t('autoqa.evidence.responseTime', {
        took: formatDuration(Number(m[1])),
        target: formatDuration(Number(m[2])),
      }),
  ],
  [
    /^(\d+) h without an update$/,
    (m, t) => t('autoqa.evidence.noUpdate', { duration: formatDuration(Number(m[1]) * 3600) }),
  ],
  [
    /^([\d.]+) s of silence$/,
    (m, t) => t('autoqa.evidence.silence', { duration: formatDuration(Number(m[1])) }),
  ],
  [
    /^agent (\d+) % of talk time$/,
    (m, t) =>
      t('autoqa.evidence.talkRatio', {
        share: t('common:format.percent', { value: formatNumber(Number(m[1])) }),
      }),
  ],
];

/** A check's evidence: a quote from the conversation (customer data), or a measured figure. */
function Evidence({ evidence }: { evidence: CheckResult['evidence'][number] }) {
  const { t } = useTranslation('conversations');
  if (evidence.end <= evidence.start) {
    for (const [pattern, say] of MEASURES) {
      const match = pattern.exec(evidence.text);
      if (match) return <span className="check__evidence muted">{say(match, t)}</span>;
    }
  }
  return (
    <span className="check__evidence muted" translate="no">
      {evidence.text}
    </span>
  );
}

/** Evidence spans by message index, for marking in the thread. */
export function evidenceHighlights(analysis: ConversationAnalysis | undefined): Map<number, Highlight[]> {
  const byMessage = new Map<number, Highlight[]>();
  if (!analysis) return byMessage;
  for (const [id, check] of Object.entries(analysis.checks)) {
    for (const evidence of check.evidence) {
      if (evidence.message < 0 || evidence.end <= evidence.start) continue;
      const list = byMessage.get(evidence.message) ?? [];
      list.push({ start: evidence.start, end: evidence.end, label: checkName(id) });
      byMessage.set(evidence.message, list);
    }
  }
  return byMessage;
}

/** The AutoQA result of a conversation: every check, sentiment, complaint and review flags. */
export function AutoQaPanel({ analysis }: { analysis: ConversationAnalysis | undefined }) {
  const { t } = useTranslation('conversations');
  return (
    <section className="panel" aria-labelledby="autoqa-title" data-testid="autoqa">
      <h2 className="panel__title" id="autoqa-title">
        AutoQA
      </h2>
      {!analysis ? (
        <p className="muted">{t('autoqa.notAnalysed')}</p>
      ) : (
        <>
          <p className="autoqa__summary">
            {t('autoqa.sentiment', {
              start: t(`autoqa.mood.${analysis.sentiment.start}`),
              end: t(`autoqa.mood.${analysis.sentiment.end}`),
            })}
            {analysis.complaint.detected ? ` · ${t('autoqa.complaintDetected')}` : ''}
            {analysis.flags.length > 0
              ? ` · ${t('autoqa.queued', { reasons: analysis.flags.map((flag) => flagText(flag, t)).join(', ') })}`
              : ''}
          </p>
          <ul className="checks">
            {Object.entries(analysis.checks).map(([id, check]) => (
              <li key={id} className={`check check--${check.result}`} data-testid="check" data-check={id}>
                <span className="check__result">{t(`autoqa.result.${check.result}`)}</span>
                <span className="check__name">{checkName(id)}</span>
                {check.evidence[0] ? <Evidence evidence={check.evidence[0]} /> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
