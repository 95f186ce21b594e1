import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getAnalysis, getConversation } from '../api/client';
import type { ConversationDetail } from '../api/types';
import { AutoQaPanel, evidenceHighlights } from '../components/AutoQaPanel';
import { ChannelBadge, StatusBadge, TagList } from '../components/Badges';
import { CallTimeline } from '../components/CallTimeline';
import { ErrorNotice } from '../components/ErrorNotice';
import { FeedbackList } from '../components/FeedbackList';
import { MessageThread } from '../components/MessageThread';
import { customValueText, formatDateTime, formatDuration, formatNumber } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** One term of the conversation's facts; rendered only when it has a value. */
function Fact({
  term,
  children,
  testId,
  data = false,
}: {
  term: string;
  children: ReactNode;
  testId?: string;
  /** The value is the conversation's own data (names, codes), not interface text. */
  data?: boolean;
}) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="facts__item" data-testid={testId}>
      <dt>{term}</dt>
      <dd translate={data ? 'no' : undefined}>{children}</dd>
    </div>
  );
}

/** Back to the list: through the history when the list opened this page, keeping its filters and page. */
function BackToList() {
  const { state } = useLocation();
  const { t } = useTranslation('conversations');
  const openedFromList = (state as { openedFromList?: unknown } | null)?.openedFromList === true;
  return (
    <Link
      to="/conversations"
      className="back-link"
      onClick={(event) => {
        if (!openedFromList) return;
        event.preventDefault();
        window.history.back();
      }}
      data-testid="back-to-list"
    >
      ← {t('list.title')}
    </Link>
  );
}

function CustomerFacts({ customer }: { customer: NonNullable<ConversationDetail['customer']> }) {
  return (
    <div className="customer" data-testid="customer">
      <div>{customer.name || <span className="muted">{customer.id}</span>}</div>
      {customer.email ? <div className="muted">{customer.email}</div> : null}
      {customer.phone ? <div className="muted">{customer.phone}</div> : null}
    </div>
  );
}

function ConversationHeader({ conversation }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const agent = conversation.agent;
  return (
    <header className="conversation-header">
      <h1 className="page-title" data-testid="conversation-subject">
        {conversation.subject ? (
          <span translate="no">{conversation.subject}</span>
        ) : (
          <span className="muted">{t('noSubject')}</span>
        )}
      </h1>
      <div className="conversation-header__badges">
        <ChannelBadge channel={conversation.channel} />
        <StatusBadge status={conversation.status} />
        {conversation.complaint && conversation.complaints.length === 0 ? (
          <span className="badge badge--complaint">{t('detail.complaint')}</span>
        ) : null}
        {conversation.complaints.map((entry) => (
          <Link
            key={entry.id}
            to={`/complaints/${entry.id}`}
            className="badge badge--complaint"
            data-testid="conversation-complaint"
            translate="no"
          >
            {t('detail.inComplaint', { reference: entry.reference })}
          </Link>
        ))}
        {conversation.abandoned ? (
          <span className="badge badge--warning">{t('detail.abandoned')}</span>
        ) : null}
      </div>
      <dl className="facts">
        <Fact term={t('detail.created')}>
          <time dateTime={conversation.created_at}>{formatDateTime(conversation.created_at)}</time>
        </Fact>
        <Fact term={t('detail.resolved')}>
          {conversation.resolved_at ? (
            <time dateTime={conversation.resolved_at}>{formatDateTime(conversation.resolved_at)}</time>
          ) : null}
        </Fact>
        <Fact term={t('detail.language')} data>
          {conversation.language}
        </Fact>
        <Fact term={t('detail.priority')} data>
          {conversation.priority}
        </Fact>
        <Fact term={t('detail.agent')} testId="conversation-agent" data>
          {agent ? (
            <>
              {agent.name ?? agent.id}
              {agent.name ? <span className="muted"> ({agent.id})</span> : null}
            </>
          ) : null}
        </Fact>
        <Fact term={t('detail.team')} data>
          {conversation.team}
        </Fact>
        <Fact term={t('detail.customer')} data>
          {conversation.customer ? <CustomerFacts customer={conversation.customer} /> : null}
        </Fact>
        <Fact term={t('detail.waitingTime')}>
          {conversation.wait_s === null ? null : formatDuration(conversation.wait_s)}
        </Fact>
        <Fact term={t('detail.handlingTime')}>
          {conversation.handle_s === null ? null : formatDuration(conversation.handle_s)}
        </Fact>
        <Fact term={t('detail.transfers')}>
          {conversation.transfers === null ? null : formatNumber(conversation.transfers)}
        </Fact>
        <Fact term={t('detail.reopened')}>
          {conversation.reopened ? t('detail.reopenedTimes', { count: conversation.reopened }) : null}
        </Fact>
        <Fact term={t('detail.outcome')} data>
          {conversation.outcome}
        </Fact>
        <Fact term={t('detail.source')} data>
          {conversation.source}
          <span className="muted"> #{conversation.external_id}</span>
        </Fact>
        <Fact term={t('detail.tags')}>
          {conversation.tags.length > 0 ? <TagList tags={conversation.tags} /> : null}
        </Fact>
      </dl>
    </header>
  );
}

function CustomFields({ custom }: { custom: Record<string, unknown> }) {
  const { t } = useTranslation('conversations');
  const entries = Object.entries(custom);
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="custom-fields-title">
      <h2 className="panel__title" id="custom-fields-title">
        {t('detail.customFields')}
      </h2>
      <dl className="custom-fields" data-testid="custom-fields" translate="no">
        {entries.map(([name, value]) => (
          <div key={name} className="custom-fields__item">
            <dt>{name}</dt>
            <dd>{customValueText(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One conversation: its facts, the message thread and the customer's feedback. */
export function ConversationPage({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation('conversations');
  const conversation = useApiData(`conversation:${conversationId}`, (signal) =>
    getConversation(conversationId, signal),
  );
  const detail = conversation.loading || conversation.error ? undefined : conversation.data;
  // A conversation not analysed yet answers 404 here; the page shows it without findings.
  const analysis = useApiData(`analysis:${conversationId}`, (signal) => getAnalysis(conversationId, signal));
  const findings = analysis.error ? undefined : analysis.data;
  useDocumentTitle(
    detail?.subject || (detail ? t('detail.titleWithId', { id: detail.id }) : t('detail.title')),
  );

  let content: ReactNode;
  if (conversation.error) {
    content =
      conversation.error.status === 404 ? (
        <div className="notice" role="alert" data-testid="conversation-not-found">
          <p>{t('detail.notFound')}</p>
        </div>
      ) : (
        <ErrorNotice error={conversation.error} onRetry={conversation.reload} />
      );
  } else if (!detail) {
    content = (
      <p className="muted" data-testid="conversation-loading">
        {t('detail.loading')}
      </p>
    );
  } else {
    content = (
      <article className="conversation" data-testid="conversation" data-conversation-id={detail.id}>
        <ConversationHeader conversation={detail} />
        <CallTimeline messages={detail.messages} />
        <div className="conversation__body">
          <section className="panel conversation__messages" aria-labelledby="messages-title">
            <h2 className="panel__title" id="messages-title">
              {t('detail.messages')} <span className="muted">({formatNumber(detail.messages.length)})</span>
            </h2>
            <MessageThread messages={detail.messages} highlights={evidenceHighlights(findings)} />
          </section>
          <aside className="conversation__side">
            <AutoQaPanel analysis={findings} />
            <section className="panel" aria-labelledby="feedback-title">
              <h2 className="panel__title" id="feedback-title">
                {t('detail.feedback')}
              </h2>
              <FeedbackList feedback={detail.feedback} />
            </section>
            <CustomFields custom={detail.custom} />
          </aside>
        </div>
      </article>
    );
  }

  return (
    <div className="conversation-page">
      <BackToList />
      {content}
    </div>
  );
}
