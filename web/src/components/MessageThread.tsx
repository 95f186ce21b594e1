import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../api/types';
import { messageAnchorId } from '../lib/callTimeline';
import { formatDateTime, formatOffset, formatTime, isSameLocalDay, messageRoleLabel } from '../lib/format';

/** `start_s`–`end_s` of a call utterance as m:ss, or null when the message has no offsets. */
function offsetText(message: Message): string | null {
  if (message.start_s === null) return message.end_s === null ? null : `–${formatOffset(message.end_s)}`;
  return message.end_s === null
    ? formatOffset(message.start_s)
    : `${formatOffset(message.start_s)}–${formatOffset(message.end_s)}`;
}

/** A span of a message's text to mark, with what it is evidence of. */
export interface Highlight {
  start: number;
  end: number;
  label: string;
}

// Splits the text at the highlights into text nodes and <mark> elements: the text stays text.
function highlighted(text: string, highlights: readonly Highlight[]): ReactNode {
  if (highlights.length === 0) return text;
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={`${span.start}-${span.end}`} className="evidence" title={span.label} data-testid="evidence">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts;
}

function MessageItem({
  message,
  previousAt,
  highlights,
}: {
  message: Message;
  previousAt: string | null;
  highlights: readonly Highlight[];
}) {
  const { t } = useTranslation('conversations');
  const offset = offsetText(message);
  // The date is repeated only when the day changes, so a thread reads like a chat log.
  const timeText =
    message.at && previousAt && isSameLocalDay(message.at, previousAt)
      ? formatTime(message.at)
      : formatDateTime(message.at);
  const classes = ['message', `message--${message.role}`, message.internal ? 'message--internal' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      id={messageAnchorId(message.seq)}
      className={classes}
      data-testid="message"
      data-role={message.role}
      data-internal={message.internal}
    >
      <div className="message__header">
        <span className="message__role">{messageRoleLabel(message.role)}</span>
        {message.author ? (
          <span className="message__author" translate="no">
            {message.author}
          </span>
        ) : null}
        {message.internal ? (
          <span className="badge badge--internal" data-testid="internal-note-marker">
            {t('thread.internalNote')}
          </span>
        ) : null}
        {message.at ? (
          <time className="message__time" dateTime={message.at}>
            {timeText}
          </time>
        ) : null}
        {offset ? (
          <span className="message__offset" title={t('thread.offsetTitle')}>
            {offset}
          </span>
        ) : null}
      </div>
      {/* Customer and agent text is shown as plain text, never as markup. */}
      <div className="message__body" data-testid="message-body" translate="no">
        {highlighted(message.text, highlights)}
      </div>
    </li>
  );
}

/** The messages of a conversation in order, styled by who wrote them, with AutoQA evidence marked. */
export function MessageThread({
  messages,
  highlights = new Map(),
}: {
  messages: readonly Message[];
  highlights?: ReadonlyMap<number, Highlight[]>;
}) {
  const { t } = useTranslation('conversations');
  if (messages.length === 0) {
    return <p className="muted">{t('thread.empty')}</p>;
  }
  return (
    <ol className="thread" data-testid="message-thread">
      {messages.map((message, index) => (
        <MessageItem
          key={message.seq}
          message={message}
          previousAt={messages[index - 1]?.at ?? null}
          highlights={highlights.get(index) ?? []}
        />
      ))}
    </ol>
  );
}
