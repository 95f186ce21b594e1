/**
 * Who spoke when during a call: a lane per side, a bar per utterance, talk-over and long silences
 * marked in colour and in words. Plain positioned boxes: a chart library would be heavier than
 * the whole component, and buttons keep every bar reachable from the keyboard.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../api/types';
import {
  buildCallTimeline,
  LONG_SILENCE_S,
  messageAnchorId,
  type TimelineLane,
  type TimelineUtterance,
  timelineTicks,
} from '../lib/callTimeline';
import { formatOffset, messageRoleLabel } from '../lib/format';
import { useLocaleFormat } from './localeFormat';
import './timeline.css';

const percent = (seconds: number, duration: number) => `${(seconds / duration) * 100}%`;

// The thread's items are not focusable by themselves; they become so only when a bar points at them.
function focusMessage(seq: number): void {
  const element = document.getElementById(messageAnchorId(seq));
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
}

function span(utterance: { start: number; end: number }): string {
  return `${formatOffset(utterance.start)}–${formatOffset(utterance.end)}`;
}

/** The call timeline of a conversation's messages; nothing when no message carries call offsets. */
export function CallTimeline({ messages }: { messages: readonly Message[] }) {
  const { t } = useTranslation('conversations');
  const format = useLocaleFormat();
  const timeline = useMemo(() => buildCallTimeline(messages), [messages]);
  if (!timeline) return null;
  const duration = timeline.duration || 1;
  const talkOvers = timeline.utterances.filter((utterance) => utterance.talksOver !== null);
  const longSilences = timeline.silences.filter((silence) => silence.long);
  const threshold = format.duration(LONG_SILENCE_S);

  const barLabel = (utterance: TimelineUtterance<Message['role']>) => {
    const values = {
      speaker: messageRoleLabel(utterance.role),
      from: formatOffset(utterance.start),
      to: formatOffset(utterance.end),
    };
    return utterance.talksOver === null
      ? t('timeline.bar', values)
      : t(`timeline.barTalkOver.${utterance.talksOver}`, values);
  };
  const laneName = (lane: TimelineLane) => t(`timeline.lane.${lane}`);

  return (
    <section
      className="panel call-timeline"
      aria-labelledby="call-timeline-title"
      data-testid="call-timeline"
    >
      <h2 className="panel__title" id="call-timeline-title">
        {t('timeline.title')} <span className="muted">({format.duration(timeline.duration)})</span>
      </h2>
      <div className="call-timeline__chart">
        {timeline.lanes.map((lane) => (
          <div key={lane} className="call-timeline__row" data-lane={lane}>
            <span className="call-timeline__lane-name">{laneName(lane)}</span>
            <div className="call-timeline__track">
              {longSilences.map((silence) => (
                <div
                  key={silence.from}
                  className="call-timeline__silence"
                  style={{
                    left: percent(silence.from, duration),
                    width: percent(silence.to - silence.from, duration),
                  }}
                  aria-hidden="true"
                />
              ))}
              {timeline.utterances
                .filter((utterance) => utterance.lane === lane)
                .map((utterance) => (
                  <button
                    key={utterance.seq}
                    type="button"
                    className={`call-timeline__bar call-timeline__bar--${lane}${utterance.talksOver ? ' call-timeline__bar--talk-over' : ''}`}
                    style={{
                      left: percent(utterance.start, duration),
                      width: percent(utterance.end - utterance.start, duration),
                    }}
                    aria-label={barLabel(utterance)}
                    title={barLabel(utterance)}
                    data-testid="timeline-bar"
                    data-seq={utterance.seq}
                    data-talk-over={utterance.talksOver ?? undefined}
                    onClick={() => focusMessage(utterance.seq)}
                  >
                    {utterance.talksOver ? (
                      <span
                        className="call-timeline__overlap"
                        style={{ width: percent(utterance.overlapS, utterance.end - utterance.start || 1) }}
                      />
                    ) : null}
                  </button>
                ))}
            </div>
          </div>
        ))}
        <div className="call-timeline__row call-timeline__row--axis" aria-hidden="true">
          <span className="call-timeline__lane-name" />
          <div className="call-timeline__track call-timeline__track--axis">
            {timelineTicks(timeline.duration).map((tick) => (
              <span key={tick} className="call-timeline__tick" style={{ left: percent(tick, duration) }}>
                {formatOffset(tick)}
              </span>
            ))}
          </div>
        </div>
      </div>
      <ul className="call-timeline__legend" aria-hidden="true">
        <li>
          <span className="call-timeline__swatch call-timeline__swatch--talk-over" />
          {t('timeline.legend.talkOver')}
        </li>
        <li>
          <span className="call-timeline__swatch call-timeline__swatch--silence" />
          {t('timeline.legend.longSilence', { threshold })}
        </li>
      </ul>
      {talkOvers.length + longSilences.length === 0 ? (
        <p className="muted" data-testid="timeline-no-marks">
          {t('timeline.noMarks', { threshold })}
        </p>
      ) : (
        <ul className="call-timeline__marks" data-testid="timeline-marks">
          {talkOvers.map((utterance) => (
            <li key={`talk-over-${utterance.seq}`}>
              <button
                type="button"
                className="call-timeline__mark call-timeline__mark--talk-over"
                data-testid="timeline-talk-over"
                onClick={() => focusMessage(utterance.seq)}
              >
                {t(`timeline.talkOver.${utterance.talksOver ?? 'customer'}`, {
                  at: formatOffset(utterance.start),
                  speaker: messageRoleLabel(utterance.role),
                  duration: format.duration(Math.max(1, utterance.overlapS)),
                })}
              </button>
            </li>
          ))}
          {longSilences.map((silence) => (
            <li key={`silence-${silence.from}`}>
              <button
                type="button"
                className="call-timeline__mark call-timeline__mark--silence"
                data-testid="timeline-long-silence"
                onClick={() => focusMessage(silence.beforeSeq)}
              >
                {t('timeline.longSilence', {
                  span: span({ start: silence.from, end: silence.to }),
                  duration: format.duration(silence.to - silence.from),
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {timeline.untimed > 0 ? (
        <p className="muted call-timeline__note">{t('timeline.untimed', { count: timeline.untimed })}</p>
      ) : null}
    </section>
  );
}
