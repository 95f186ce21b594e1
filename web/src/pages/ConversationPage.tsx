import type { ReactNode } from 'react';
import { getAnalysis, getConversation } from '../api/client';
import type { ConversationDetail } from '../api/types';
import { AutoQaPanel, evidenceHighlights } from '../components/AutoQaPanel';
import { ChannelBadge, StatusBadge, TagList } from '../components/Badges';
import { ErrorNotice } from '../components/ErrorNotice';
import { FeedbackList } from '../components/FeedbackList';
import { MessageThread } from '../components/MessageThread';
import { customValueText, formatDateTime, formatDuration } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** One term of the conversation's facts; rendered only when it has a value. */
function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="facts__item" data-testid={testId}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Back to the list: through the history when the list opened this page, keeping its filters and page. */
function BackToList() {
  const { state } = useLocation();
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
      ← Conversations
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
  const agent = conversation.agent;
  return (
    <header className="conversation-header">
      <h1 className="page-title" data-testid="conversation-subject">
        {conversation.subject || <span className="muted">(no subject)</span>}
      </h1>
      <div className="conversation-header__badges">
        <ChannelBadge channel={conversation.channel} />
        <StatusBadge status={conversation.status} />
        {conversation.complaint ? <span className="badge badge--complaint">Complaint</span> : null}
        {conversation.abandoned ? <span className="badge badge--warning">Abandoned</span> : null}
      </div>
      <dl className="facts">
        <Fact term="Created">
          <time dateTime={conversation.created_at}>{formatDateTime(conversation.created_at)}</time>
        </Fact>
        <Fact term="Resolved">
          {conversation.resolved_at ? (
            <time dateTime={conversation.resolved_at}>{formatDateTime(conversation.resolved_at)}</time>
          ) : null}
        </Fact>
        <Fact term="Language">{conversation.language}</Fact>
        <Fact term="Priority">{conversation.priority}</Fact>
        <Fact term="Agent" testId="conversation-agent">
          {agent ? (
            <>
              {agent.name ?? agent.id}
              {agent.name ? <span className="muted"> ({agent.id})</span> : null}
            </>
          ) : null}
        </Fact>
        <Fact term="Team">{conversation.team}</Fact>
        <Fact term="Customer">
          {conversation.customer ? <CustomerFacts customer={conversation.customer} /> : null}
        </Fact>
        <Fact term="Waiting time">
          {conversation.wait_s === null ? null : formatDuration(conversation.wait_s)}
        </Fact>
        <Fact term="Handling time">
          {conversation.handle_s === null ? null : formatDuration(conversation.handle_s)}
        </Fact>
        <Fact term="Transfers">
          {conversation.transfers === null ? null : String(conversation.transfers)}
        </Fact>
        <Fact term="Reopened">{conversation.reopened ? String(conversation.reopened) : null}</Fact>
        <Fact term="Outcome">{conversation.outcome}</Fact>
        <Fact term="Source">
          {conversation.source}
          <span className="muted"> #{conversation.external_id}</span>
        </Fact>
        <Fact term="Tags">{conversation.tags.length > 0 ? <TagList tags={conversation.tags} /> : null}</Fact>
      </dl>
    </header>
  );
}

function CustomFields({ custom }: { custom: Record<string, unknown> }) {
  const entries = Object.entries(custom);
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="custom-fields-title">
      <h2 className="panel__title" id="custom-fields-title">
        Custom fields
      </h2>
      <dl className="custom-fields" data-testid="custom-fields">
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
  const conversation = useApiData(`conversation:${conversationId}`, (signal) =>
    getConversation(conversationId, signal),
  );
  const detail = conversation.loading || conversation.error ? undefined : conversation.data;
  // A conversation not analysed yet answers 404 here; the page shows it without findings.
  const analysis = useApiData(`analysis:${conversationId}`, (signal) => getAnalysis(conversationId, signal));
  const findings = analysis.error ? undefined : analysis.data;
  useDocumentTitle(detail?.subject || (detail ? `Conversation ${detail.id}` : 'Conversation'));

  let content: ReactNode;
  if (conversation.error) {
    content =
      conversation.error.status === 404 ? (
        <div className="notice" role="alert" data-testid="conversation-not-found">
          <p>This conversation does not exist or you may not see it.</p>
        </div>
      ) : (
        <ErrorNotice error={conversation.error} onRetry={conversation.reload} />
      );
  } else if (!detail) {
    content = (
      <p className="muted" data-testid="conversation-loading">
        Loading conversation…
      </p>
    );
  } else {
    content = (
      <article className="conversation" data-testid="conversation" data-conversation-id={detail.id}>
        <ConversationHeader conversation={detail} />
        <div className="conversation__body">
          <section className="panel conversation__messages" aria-labelledby="messages-title">
            <h2 className="panel__title" id="messages-title">
              Messages <span className="muted">({detail.messages.length})</span>
            </h2>
            <MessageThread messages={detail.messages} highlights={evidenceHighlights(findings)} />
          </section>
          <aside className="conversation__side">
            <AutoQaPanel analysis={findings} />
            <section className="panel" aria-labelledby="feedback-title">
              <h2 className="panel__title" id="feedback-title">
                Feedback
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
