import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../api/types';
import { formatDateTime } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { ChannelBadge, StatusBadge, TagList } from './Badges';

/** History state of a conversation opened from the list, so its "back" link can return there. */
export interface OpenedFromListState {
  openedFromList: true;
}

const OPENED_FROM_LIST: OpenedFromListState = { openedFromList: true };

/** The app path of one conversation. */
export const conversationPath = (id: number): string => `/conversations/${id}`;

interface ConversationTableProps {
  conversations: readonly ConversationSummary[];
  /** An older page is shown while the next one loads. */
  busy: boolean;
  /** Shown in place of rows when there are none. */
  emptyState: ReactNode;
}

const COLUMN_COUNT = 11;

/** Whether a click on a row is a plain click on the row itself (not on its link, not selecting text). */
function isPlainRowClick(event: MouseEvent<HTMLTableRowElement>): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if ((event.target as Element).closest('a, button, input, select, textarea')) return false;
  return !window.getSelection()?.toString();
}

function Marker({ on, label, className }: { on: boolean; label: string; className: string }) {
  if (!on) return null;
  return (
    <span className={`marker ${className}`} title={label}>
      <span aria-hidden="true">●</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** The conversation list; a click anywhere on a row opens the conversation. */
export function ConversationTable({ conversations, busy, emptyState }: ConversationTableProps) {
  const { t } = useTranslation('conversations');
  return (
    <div className="table-scroll">
      <table className="data-table conversation-table" aria-busy={busy} data-testid="conversation-table">
        <thead>
          <tr>
            <th scope="col">{t('table.created')}</th>
            <th scope="col">{t('table.channel')}</th>
            <th scope="col">
              <abbr title={t('table.languageFull')}>{t('table.language')}</abbr>
            </th>
            <th scope="col">{t('table.subject')}</th>
            <th scope="col">{t('table.agent')}</th>
            <th scope="col">{t('table.team')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col" className="numeric">
              {t('table.messages')}
            </th>
            <th scope="col">{t('table.feedback')}</th>
            <th scope="col">{t('table.complaint')}</th>
            <th scope="col">{t('table.tags')}</th>
          </tr>
        </thead>
        <tbody>
          {conversations.length === 0 ? (
            <tr>
              <td colSpan={COLUMN_COUNT} className="data-table__empty">
                {emptyState}
              </td>
            </tr>
          ) : (
            conversations.map((conversation) => {
              const path = conversationPath(conversation.id);
              return (
                // Keyboard and screen-reader users open the conversation through the subject link;
                // the row click only widens the mouse target.
                <tr
                  key={conversation.id}
                  className="conversation-row"
                  onClick={(event) => {
                    if (isPlainRowClick(event)) navigate(path, { state: OPENED_FROM_LIST });
                  }}
                  data-testid="conversation-row"
                  data-conversation-id={conversation.id}
                >
                  <td className="nowrap">
                    <time dateTime={conversation.created_at}>{formatDateTime(conversation.created_at)}</time>
                  </td>
                  <td>
                    <ChannelBadge channel={conversation.channel} />
                  </td>
                  <td translate="no">{conversation.language ?? ''}</td>
                  <td className="conversation-table__subject">
                    <Link to={path} state={OPENED_FROM_LIST} data-testid="conversation-link">
                      {conversation.subject ? (
                        <span translate="no">{conversation.subject}</span>
                      ) : (
                        <span className="muted">{t('noSubject')}</span>
                      )}
                    </Link>
                  </td>
                  <td translate="no">
                    {conversation.agent ? (conversation.agent.name ?? conversation.agent.id) : ''}
                  </td>
                  <td translate="no">{conversation.team ?? ''}</td>
                  <td>
                    <StatusBadge status={conversation.status} />
                  </td>
                  <td className="numeric">{conversation.message_count}</td>
                  <td>
                    <Marker
                      on={conversation.has_feedback}
                      label={t('table.hasFeedback')}
                      className="marker--feedback"
                    />
                  </td>
                  <td>
                    <Marker
                      on={conversation.complaint}
                      label={t('table.complaint')}
                      className="marker--complaint"
                    />
                  </td>
                  <td>
                    <TagList tags={conversation.tags} />
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
