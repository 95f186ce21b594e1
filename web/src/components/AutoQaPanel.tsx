import type { ConversationAnalysis } from '../api/types';
import type { Highlight } from './MessageThread';

const CHECK_NAMES: Record<string, string> = {
  greeting: 'Greeting',
  customer_name: "Customer's name",
  empathy: 'Empathy',
  no_jargon: 'No jargon',
  clear_next_steps: 'Next steps',
  time_estimate: 'Time estimate',
  concrete_answer: 'Concrete answer',
  options_offered: 'Options offered',
  education: 'Self-help offered',
  anything_else: 'Anything else?',
  thanks: 'Thanks',
  rating_request: 'Rating request',
  positive_tone: 'Positive tone',
  no_blame: 'No blame',
  escalation_offered: 'Escalation offered',
  answered_questions: 'Questions answered',
  first_response_sla: 'First response on time',
  follow_up_24h: 'Daily follow-up',
  talk_over: 'No talk-over',
  long_silence: 'No long silence',
  talk_ratio: 'Talk ratio',
};

const RESULT_TEXT = { pass: 'Pass', fail: 'Fail', na: 'N/A' } as const;

/** Evidence spans by message index, for marking in the thread. */
export function evidenceHighlights(analysis: ConversationAnalysis | undefined): Map<number, Highlight[]> {
  const byMessage = new Map<number, Highlight[]>();
  if (!analysis) return byMessage;
  for (const [id, check] of Object.entries(analysis.checks)) {
    for (const evidence of check.evidence) {
      if (evidence.message < 0 || evidence.end <= evidence.start) continue;
      const list = byMessage.get(evidence.message) ?? [];
      list.push({ start: evidence.start, end: evidence.end, label: CHECK_NAMES[id] ?? id });
      byMessage.set(evidence.message, list);
    }
  }
  return byMessage;
}

/** The AutoQA result of a conversation: every check, sentiment, complaint and review flags. */
export function AutoQaPanel({ analysis }: { analysis: ConversationAnalysis | undefined }) {
  return (
    <section className="panel" aria-labelledby="autoqa-title" data-testid="autoqa">
      <h2 className="panel__title" id="autoqa-title">
        AutoQA
      </h2>
      {!analysis ? (
        <p className="muted">Not analysed yet.</p>
      ) : (
        <>
          <p className="autoqa__summary">
            Customer sentiment {analysis.sentiment.start} → {analysis.sentiment.end}
            {analysis.complaint.detected ? ' · complaint detected' : ''}
            {analysis.flags.length > 0 ? ` · queued for review (${analysis.flags.join(', ')})` : ''}
          </p>
          <ul className="checks">
            {Object.entries(analysis.checks).map(([id, check]) => (
              <li key={id} className={`check check--${check.result}`} data-testid="check" data-check={id}>
                <span className="check__result">{RESULT_TEXT[check.result]}</span>
                <span className="check__name">{CHECK_NAMES[id] ?? id}</span>
                {check.evidence[0] ? (
                  <span className="check__evidence muted">{check.evidence[0].text}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
