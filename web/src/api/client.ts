/**
 * The one way the web app talks to the server: JSON over `/api/v1`, authenticated by the
 * session cookie. Writes carry the CSRF token from the sign-in answer, and any 401 outside
 * sign-in tells the app that the session is gone.
 */
import type {
  Assignment,
  Complaint,
  ComplaintDetail,
  ComplaintStatus,
  ConversationAnalysis,
  ConversationDetail,
  ConversationListQuery,
  ConversationPage,
  Dispute,
  ErrorBody,
  ErrorDetail,
  RatingBody,
  Review,
  ReviewDetail,
  ReviewDraft,
  ReviewSummary,
  SessionResponse,
} from './types';

const API_BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UNREACHABLE_MESSAGE = 'Cannot reach the Kvalita server. Check your connection and try again.';

/** A failed API call; `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let unauthorizedListener: (() => void) | null = null;

/** Remembers the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the server answers 401; returns a function that unregisters it. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListener = listener;
  return () => {
    if (unauthorizedListener === listener) unauthorizedListener = null;
  };
}

type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2` from the non-empty values of `query`, or '' when there are none. */
export function buildQueryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as Array<[string, QueryValue]>) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** How to send a request and which answers to accept. */
export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** A body sent as it is (JSON Lines, say) with this content type. */
  raw?: { text: string; type: string };
  signal?: AbortSignal | undefined;
  /** Sign-in answers 401 for a wrong password; that is not an expired session. */
  ignoreUnauthorized?: boolean;
  /** Statuses that answer with a body worth reading rather than an error (207 of an import). */
  accept?: readonly number[];
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const gatewayFailed = response.status >= 502 && response.status <= 504;
  const fallbackMessage = gatewayFailed
    ? UNREACHABLE_MESSAGE
    : response.statusText || `HTTP ${response.status}`;
  return new ApiError(
    response.status,
    typeof body.error === 'string' ? body.error : `http_${response.status}`,
    typeof body.message === 'string' ? body.message : fallbackMessage,
    Array.isArray(body.details) ? body.details : [],
  );
}

/** Calls the API with the session cookie and CSRF token; refusals become an `ApiError`. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | null = null;
  if (options.raw) {
    headers['content-type'] = options.raw.type;
    body = options.raw.text;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', UNREACHABLE_MESSAGE);
  }

  if (!response.ok && !options.accept?.includes(response.status)) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && !options.ignoreUnauthorized) unauthorizedListener?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbortError(error)) throw error;
    // An HTML page instead of JSON usually means /api is not routed to the Kvalita server.
    throw new ApiError(
      response.status,
      'bad_response',
      'The server sent an answer the app does not understand.',
    );
  }
}

/** True for the error a fetch raises when its AbortSignal fires; such errors are not shown. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Signs in; rejects with status 401 for wrong credentials and 429 when rate-limited. */
export function login(email: string, password: string): Promise<SessionResponse> {
  return request('POST', '/auth/login', { body: { email, password }, ignoreUnauthorized: true });
}

/** Ends the session on the server. */
export function logout(): Promise<void> {
  return request('POST', '/auth/logout');
}

/** The signed-in user and the CSRF token of the session; rejects with 401 when signed out. */
export function fetchCurrentSession(signal?: AbortSignal): Promise<SessionResponse> {
  // A missing session at start-up is normal, so the app handles this 401 itself.
  return request('GET', '/auth/me', { signal, ignoreUnauthorized: true });
}

/** One page of the conversation list. */
export function listConversations(
  query: ConversationListQuery,
  signal?: AbortSignal,
): Promise<ConversationPage> {
  return request('GET', `/conversations${buildQueryString(query)}`, { signal });
}

/** The AutoQA analysis of a conversation; rejects with 404 while it has not been analysed. */
export function getAnalysis(id: number, signal?: AbortSignal): Promise<ConversationAnalysis> {
  return request('GET', `/conversations/${encodeURIComponent(String(id))}/analysis`, { signal });
}

/** One conversation with its messages and feedback; rejects with 404 when missing or not visible. */
export function getConversation(id: number, signal?: AbortSignal): Promise<ConversationDetail> {
  return request('GET', `/conversations/${encodeURIComponent(String(id))}`, { signal });
}

/** The scorecard, the applicable categories and AutoQA's pre-filled ratings for reviewing a conversation. */
export function getReviewDraft(conversationId: number, signal?: AbortSignal): Promise<ReviewDraft> {
  return request('GET', `/conversations/${encodeURIComponent(String(conversationId))}/review-draft`, {
    signal,
  });
}

/** Saves a review (submitted with `submit: true`); rejects with 409 when one exists already. */
export function createReview(body: {
  conversation_id: number;
  scorecard_id: number;
  ratings: RatingBody[];
  comment?: string | null;
  submit: boolean;
}): Promise<Review> {
  return request('POST', '/reviews', { body });
}

/** The signed-in reviewer's open assignments, by due date. */
export function listMyAssignments(signal?: AbortSignal): Promise<Assignment[]> {
  return request('GET', '/assignments?status=open&limit=200', { signal });
}

/** The complaints register, overdue ones first when asked. */
export function listComplaints(
  query: { status?: string; overdue?: boolean; open?: boolean; limit?: number },
  signal?: AbortSignal,
): Promise<Complaint[]> {
  return request('GET', `/complaints${buildQueryString(query)}`, { signal });
}

/** One register entry with its history. */
export function getComplaint(id: number, signal?: AbortSignal): Promise<ComplaintDetail> {
  return request('GET', `/complaints/${encodeURIComponent(String(id))}`, { signal });
}

/** Moves an entry through its lifecycle. */
export function transitionComplaint(
  id: number,
  body: {
    to: ComplaintStatus;
    reason?: string;
    root_cause?: string;
    resolution_type?: string;
    revision: number;
  },
): Promise<ComplaintDetail> {
  return request('POST', `/complaints/${encodeURIComponent(String(id))}/transitions`, { body });
}

/** Reviews the signed-in user may see (agents: theirs), newest first. */
export function listReviews(signal?: AbortSignal): Promise<{ items: ReviewSummary[] }> {
  return request('GET', '/reviews?limit=100', { signal });
}

/** One review with its ratings, scorecard and disputes. */
export function getReview(id: number, signal?: AbortSignal): Promise<ReviewDetail> {
  return request('GET', `/reviews/${encodeURIComponent(String(id))}`, { signal });
}

/** The reviewed agent acknowledges a review. */
export function acknowledgeReview(id: number): Promise<ReviewDetail> {
  return request('POST', `/reviews/${encodeURIComponent(String(id))}/acknowledge`);
}

/** The reviewed agent disputes a review with a reason. */
export function disputeReview(id: number, reason: string): Promise<unknown> {
  return request('POST', `/reviews/${encodeURIComponent(String(id))}/disputes`, { body: { reason } });
}

/** Open disputes, oldest first. */
export function listOpenDisputes(signal?: AbortSignal): Promise<Dispute[]> {
  return request('GET', '/disputes?status=open', { signal });
}

/** A manager rules on a dispute. */
export function decideDispute(
  id: number,
  body: {
    decision: 'accepted' | 'partially_accepted' | 'rejected';
    comment?: string;
    ratings?: RatingBody[];
  },
): Promise<unknown> {
  return request('POST', `/disputes/${encodeURIComponent(String(id))}/decision`, { body });
}

/** One row of a metrics answer: the group's dimensions, then each metric, its count and goal. */
export type MetricsRow = Record<string, string | number | boolean | null>;

/** A metrics question as `GET /metrics` takes it (dates are ISO instants; lists comma-separated). */
export interface MetricsQuery {
  metrics: string;
  by?: string;
  from?: string;
  to?: string;
  channel?: string;
  team?: string;
  agent?: string;
  language?: string;
}

/** Metrics grouped and filtered as asked. */
export function getMetrics(query: MetricsQuery, signal?: AbortSignal): Promise<MetricsRow[]> {
  return request('GET', `/metrics${buildQueryString(query)}`, { signal });
}

/** A trend alert: a metric of a team or the organisation out of its usual band or missing its goal. */
export interface TrendAlert {
  id: number;
  metric: string;
  scope: string;
  scope_value: string | null;
  bucket: string;
  kind: string;
  value: number | null;
  created_at: string;
  [field: string]: unknown;
}

/** The latest trend alerts (managers, admins and leads); an empty list for other roles. */
export async function listAlerts(signal?: AbortSignal): Promise<TrendAlert[]> {
  try {
    const answer = await request<TrendAlert[] | { alerts: TrendAlert[] }>('GET', '/alerts', { signal });
    return Array.isArray(answer) ? answer : answer.alerts;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return [];
    throw error;
  }
}
