/**
 * The life of a complaint (ISO 10002: receipt → acknowledgement → assessment and investigation →
 * response → closing), as a table of allowed transitions with what each one needs.
 */

/** Kinds of register entries. */
export const COMPLAINT_KINDS = ['complaint', 'suggestion', 'compliment'] as const;
/** A kind of register entry. */
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Statuses of an entry. */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
  'reopened',
  'withdrawn',
  'rejected',
] as const;
/** A status of an entry. */
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Severities, lowest first; deadlines are set per severity. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** A severity. */
export type Severity = (typeof SEVERITIES)[number];

/** How a complaint was put right. */
export const RESOLUTION_TYPES = [
  'compensation',
  'refund_or_return',
  'error_fixed',
  'explanation',
  'none',
] as const;
/** A resolution type. */
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

/** Evaluation of a suggestion, next to its lifecycle status. */
export const SUGGESTION_EVALUATIONS = ['new', 'under_review', 'accepted', 'implemented', 'declined'] as const;
/** An evaluation state. */
export type SuggestionEvaluation = (typeof SUGGESTION_EVALUATIONS)[number];

const ALLOWED: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['acknowledged', 'withdrawn', 'rejected'],
  acknowledged: ['investigating', 'resolved', 'withdrawn', 'rejected'],
  investigating: ['resolved', 'withdrawn', 'rejected'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['investigating', 'resolved', 'withdrawn'],
  withdrawn: [],
  rejected: [],
};

/** Statuses in which the complaint is still being worked on (deadlines run). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'investigating',
  'reopened',
];

/** What a transition carries. */
export interface TransitionFacts {
  /** Why, for a rejection (required) or a reopening. */
  reason?: string | null;
  /** Set when resolving: the root cause and how it was put right. */
  rootCause?: string | null;
  resolutionType?: ResolutionType | null;
}

/** The statuses reachable from `from`. */
export function nextStatuses(from: ComplaintStatus): readonly ComplaintStatus[] {
  return ALLOWED[from];
}

/**
 * Why the transition is refused, or null when it is allowed. Resolving a complaint needs its
 * resolution type; rejecting needs a reason.
 */
export function transitionProblem(
  kind: ComplaintKind,
  from: ComplaintStatus,
  to: ComplaintStatus,
  facts: TransitionFacts,
): string | null {
  if (!ALLOWED[from].includes(to)) {
    const allowed = ALLOWED[from];
    return `cannot go from ${from} to ${to}; from ${from} only ${allowed.length ? allowed.join(', ') : 'nothing (final)'}`;
  }
  if (to === 'rejected' && !facts.reason?.trim()) return 'a rejection needs a reason';
  if (to === 'resolved' && kind === 'complaint' && !facts.resolutionType) {
    return 'resolving a complaint needs its resolution type';
  }
  return null;
}
