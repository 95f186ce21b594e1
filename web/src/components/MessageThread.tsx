import type { Message } from '../api/types';
import { formatDateTime, formatOffset, formatTime, isSameLocalDay, messageRoleLabel } from '../lib/format';

/** `start_s`–`end_s` of a call utterance as m:ss, or null when the message has no offsets. */
function offsetText(message: Message): string | null {
  if (message.start_s === null) return message.end_s === null ? null : `–${formatOffset(message.end_s)}`;
  return message.end_s === null
    ? formatOffset(message.start_s)
    : `${formatOffset(message.start_s)}–${formatOffset(message.end_s)}`;
}

function MessageItem({ message, previousAt }: { message: Message; previousAt: string | null }) {
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
    <li className={classes} data-testid="message" data-role={message.role} data-internal={message.internal}>
      <div className="message__header">
        <span className="message__role">{messageRoleLabel(message.role)}</span>
        {message.author ? <span className="message__author">{message.author}</span> : null}
        {message.internal ? (
          <span className="badge badge--internal" data-testid="internal-note-marker">
            Internal note
          </span>
        ) : null}
        {message.at ? (
          <time className="message__time" dateTime={message.at}>
            {timeText}
          </time>
        ) : null}
        {offset ? (
          <span className="message__offset" title="Position in the call recording">
            {offset}
          </span>
        ) : null}
      </div>
      {/* Customer and agent text is shown as plain text, never as markup. */}
      <div className="message__body" data-testid="message-body">
        {message.text}
      </div>
    </li>
  );
}

/** The messages of a conversation in order, styled by who wrote them. */
export function MessageThread({ messages }: { messages: readonly Message[] }) {
  if (messages.length === 0) {
    return <p className="muted">This conversation has no messages.</p>;
  }
  return (
    <ol className="thread" data-testid="message-thread">
      {messages.map((message, index) => (
        <MessageItem key={message.seq} message={message} previousAt={messages[index - 1]?.at ?? null} />
      ))}
    </ol>
  );
}
