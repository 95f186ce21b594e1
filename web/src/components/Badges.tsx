import type { Channel, ConversationStatus } from '../api/types';
import { channelLabel, statusLabel } from '../lib/format';

/** A conversation status as a coloured pill; nothing when the source system gave none. */
export function StatusBadge({ status }: { status: ConversationStatus | null }) {
  if (!status) return null;
  return <span className={`badge badge--status-${status}`}>{statusLabel(status)}</span>;
}

/** The channel of a conversation. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  return <span className="badge badge--channel">{channelLabel(channel)}</span>;
}

/** Tags as a compact list. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" translate="no">
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
