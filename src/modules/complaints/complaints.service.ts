/**
 * The complaints and suggestions register. Every entry gets a reference number, one owner, a
 * severity and deadlines (business or calendar hours per severity); it moves through the
 * lifecycle of domain/complaint-lifecycle.ts with every change in its history; overdue entries
 * are escalated to the owner's manager once per deadline (notification and webhook). Entries come
 * from the API, from imported conversations marked as complaints, and from AutoQA's detections
 * (as candidates or records, by setting); a second complaint of the same customer on the same
 * topic within the window is linked to the open one instead of doubling it.
 */
import type { ExpressionBuilder, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ComplaintsTable, DB } from '../../db/schema.js';
import { deadline } from '../../domain/business-hours.js';
import { complaintFigures } from '../../domain/complaint-figures.js';
import {
  type ComplaintKind,
  type ComplaintStatus,
  OPEN_STATUSES,
  type ResolutionType,
  type Severity,
  transitionProblem,
} from '../../domain/complaint-lifecycle.js';
import { LEXICONS } from '../../engine/lexicons/index.js';
import { foldText } from '../../engine/text/fold.js';
import { suggestLabel } from '../../engine/topics.js';
import { ComplaintTriage } from '../../engine/triage.js';
import { conflictError, forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { Principal } from '../users/users.service.js';
import { businessCalendar, type ComplaintSettings, loadComplaintSettings } from './complaints.settings.js';
import { TopicsService } from './topics.service.js';

/** Roles that work the register (beyond owners). */
const HANDLER_ROLES = new Set(['admin', 'manager', 'lead', 'reviewer']);
const DAY_MS = 86_400_000;
const PREFIX: Record<ComplaintKind, string> = { complaint: 'C', suggestion: 'S', compliment: 'K' };
/**
 * Deadlines missed longer ago than this are listed as overdue but not escalated: a register
 * loaded with years of history should not wake every manager at once.
 */
export const ESCALATION_LOOKBACK_DAYS = 14;

/** A new register entry. */
export interface CreateComplaintInput {
  kind?: ComplaintKind;
  received_at?: string;
  channel?: string | null;
  conversation_ids?: number[];
  customer_id?: number | null;
  contact_name?: string | null;
  contact_email?: string | null;
  contact_phone?: string | null;
  description: string;
  product?: string | null;
  category?: string | null;
  severity?: Severity;
  remedy_sought?: string | null;
  owner_user_id?: number | null;
  department?: string | null;
  subject_agent_id?: number | null;
  external_id?: string | null;
}

/** A lifecycle step with what it carries. */
export interface TransitionInput {
  to: ComplaintStatus;
  reason?: string | null;
  root_cause?: string | null;
  resolution_type?: ResolutionType | null;
  resolution_amount?: number | null;
  resolution_currency?: string | null;
  customer_satisfied?: 'yes' | 'no' | 'unknown';
  /** The revision the caller saw; a newer one answers 409. */
  revision?: number;
}

/** Fields a handler may change outside the lifecycle. */
export interface UpdateComplaintInput {
  owner_user_id?: number | null;
  severity?: Severity;
  category?: string | null;
  department?: string | null;
  product?: string | null;
  description?: string;
  remedy_sought?: string | null;
  evaluation?: string | null;
  customer_satisfied?: 'yes' | 'no' | 'unknown';
  revision?: number;
}

/** The columns of an entry an imported register sets. */
export interface RegisterValues {
  kind: ComplaintKind;
  status: string;
  received_at: number;
  channel: string | null;
  customer_id: number | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  description: string;
  product: string | null;
  category: string | null;
  severity: Severity;
  remedy_sought: string | null;
  owner_user_id: number | null;
  department: string | null;
  root_cause: string | null;
  resolution_type: string | null;
  resolution_amount: number | null;
  resolution_currency: string | null;
  customer_satisfied: string;
  acknowledged_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
}

/**
 * Orders of the register list: `due` the most urgent first (overdue, then open entries by the
 * deadline that matters now, then settled ones), `-received` newest first, `received` oldest first.
 */
export const COMPLAINT_SORTS = ['due', '-received', 'received'] as const;
/** An order of the register list. */
export type ComplaintSort = (typeof COMPLAINT_SORTS)[number];

/** Filters of the register list. */
export interface ComplaintFilters {
  status?: string;
  kind?: string;
  severity?: string;
  category?: string;
  owner_id?: number;
  overdue?: boolean;
  open?: boolean;
  /** Received at or after this ISO instant. */
  from?: string;
  /** Received before this ISO instant. */
  to?: string;
  /** A topic key as `GET /complaints/topics` gives it; `unclassified` for complaints not grouped. */
  topic?: string;
  /** Default: `due` when only overdue entries are asked for, else `-received`. */
  sort?: ComplaintSort;
  limit?: number;
  offset?: number;
}

/** The topic key `GET /complaints/topics` gives complaints that have no topic. */
const UNCLASSIFIED = 'unclassified';

const STOP_WORDS = new Set(
  Object.values(LEXICONS).flatMap((lexicon) => lexicon.functionWords.map((word) => foldText(word))),
);
let triageCache: { rules: string; triage: ComplaintTriage } | null = null;

// The triage of the settings' rules, compiled once while the rules stay the same.
function triageFor(settings: ComplaintSettings): ComplaintTriage {
  const rules = JSON.stringify(settings.triageRules);
  if (!triageCache || triageCache.rules !== rules) {
    triageCache = { rules, triage: new ComplaintTriage(Object.values(LEXICONS), settings.triageRules) };
  }
  return triageCache.triage;
}

/** A register row as read. */
type ComplaintRow = Selectable<ComplaintsTable>;

/** An instant of a list filter in epoch milliseconds; refused when it is not one. */
function instant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput([{ field, reason: `not a date-time: "${value}"` }]);
  return ms;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Whether an entry has missed a deadline at `now`. */
export function isOverdue(
  row: Pick<ComplaintsTable, 'status' | 'acknowledged_at' | 'acknowledge_due_at' | 'resolve_due_at'>,
  now: number,
): boolean {
  if (!OPEN_STATUSES.includes(row.status as ComplaintStatus)) return false;
  const ackLate =
    row.acknowledged_at === null && row.acknowledge_due_at !== null && row.acknowledge_due_at < now;
  const resolveLate = row.resolve_due_at !== null && row.resolve_due_at < now;
  return ackLate || resolveLate;
}

/** Use cases of the register. */
export class ComplaintsService {
  private readonly db: Kysely<DB>;

  constructor(
    database: Database,
    /** Delivers a JSON payload to a webhook URL; replaced in tests. */
    private readonly postWebhook: (url: string, payload: unknown) => Promise<number> = defaultPostWebhook,
  ) {
    this.db = database.kysely;
  }

  private async nextReference(tx: Kysely<DB>, kind: ComplaintKind, receivedAt: number): Promise<string> {
    const year = new Date(receivedAt).getUTCFullYear();
    await tx
      .insertInto('complaint_sequences')
      .values({ year, last: 0 })
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
    // One UPDATE … RETURNING takes the number atomically on both databases.
    const row = await tx
      .updateTable('complaint_sequences')
      .set((eb) => ({ last: eb('last', '+', 1) }))
      .where('year', '=', year)
      .returning('last')
      .executeTakeFirstOrThrow();
    return `${PREFIX[kind]}-${year}-${String(row.last).padStart(6, '0')}`;
  }

  private async event(
    tx: Kysely<DB>,
    complaintId: number,
    userId: number | null,
    action: string,
    detail: unknown,
    statuses: { from?: string | null; to?: string | null } = {},
  ): Promise<void> {
    await tx
      .insertInto('complaint_events')
      .values({
        complaint_id: complaintId,
        at: Date.now(),
        user_id: userId,
        action,
        from_status: statuses.from ?? null,
        to_status: statuses.to ?? null,
        detail: JSON.stringify(detail ?? {}),
      })
      .execute();
  }

  private async dueDates(settings: ComplaintSettings, severity: Severity, receivedAt: number) {
    const calendar = await businessCalendar(this.db, settings);
    const target = settings.deadlines[severity];
    return {
      acknowledge_due_at: deadline(receivedAt, target.acknowledgeHours, settings.hoursMode, calendar),
      resolve_due_at: deadline(receivedAt, target.resolveHours, settings.hoursMode, calendar),
    };
  }

  private async validate(input: CreateComplaintInput, settings: ComplaintSettings) {
    const problems: Array<{ field: string; reason: string }> = [];
    if (!input.description?.trim()) problems.push({ field: 'description', reason: 'must not be empty' });
    const receivedAt = input.received_at ? Date.parse(input.received_at) : Date.now();
    if (Number.isNaN(receivedAt))
      problems.push({ field: 'received_at', reason: `not a date-time: "${input.received_at}"` });
    if (input.category && settings.categories.length > 0 && !settings.categories.includes(input.category)) {
      problems.push({ field: 'category', reason: `must be one of ${settings.categories.join(', ')}` });
    }
    if (input.owner_user_id) {
      const owner = await this.db
        .selectFrom('users')
        .select(['id', 'disabled'])
        .where('id', '=', input.owner_user_id)
        .executeTakeFirst();
      if (!owner || owner.disabled === 1)
        problems.push({ field: 'owner_user_id', reason: `no active user ${input.owner_user_id}` });
    }
    const conversationIds = [...new Set(input.conversation_ids ?? [])];
    if (conversationIds.length > 0) {
      const found = await this.db
        .selectFrom('conversations')
        .select('id')
        .where('id', 'in', conversationIds)
        .execute();
      for (const id of conversationIds) {
        if (!found.some((row) => row.id === id))
          problems.push({ field: 'conversation_ids', reason: `no conversation ${id}` });
      }
    }
    if (problems.length > 0) throw invalidInput(problems);
    return { receivedAt, conversationIds };
  }

  /**
   * Records an entry. When the customer already has an open complaint on the same category
   * received within the duplicate window, the new one is not created: its conversations are
   * linked to that complaint, which is returned with `linked_to_existing`.
   */
  async create(principal: Principal | null, input: CreateComplaintInput, source = 'api') {
    if (principal && principal.role === 'viewer') throw forbiddenError('viewers do not record complaints');
    const settings = await loadComplaintSettings(this.db);
    const { receivedAt, conversationIds } = await this.validate(input, settings);
    const kind = input.kind ?? 'complaint';
    const suggested = kind === 'complaint' ? await this.suggest(input, settings) : null;
    const severity = input.severity ?? suggested?.severity ?? 'medium';
    if (suggested?.category && !input.category) input = { ...input, category: suggested.category };
    if (kind === 'complaint' && input.customer_id && input.category) {
      const existing = await this.db
        .selectFrom('complaints')
        .select(['id'])
        .where('kind', '=', 'complaint')
        .where('customer_id', '=', input.customer_id)
        .where('category', '=', input.category)
        .where('status', 'in', [...OPEN_STATUSES])
        .where('received_at', '>=', receivedAt - settings.duplicateWindowDays * DAY_MS)
        .orderBy('received_at')
        .executeTakeFirst();
      if (existing) {
        await this.db.transaction().execute(async (tx) => {
          await this.linkConversations(tx, existing.id, conversationIds);
          await this.event(tx, existing.id, principal?.id ?? null, 'duplicate_linked', {
            description: input.description,
            conversation_ids: conversationIds,
            source,
          });
        });
        return { ...(await this.view(existing.id)), linked_to_existing: true };
      }
    }
    const due =
      kind === 'complaint'
        ? await this.dueDates(settings, severity, receivedAt)
        : { acknowledge_due_at: null, resolve_due_at: null };
    const now = Date.now();
    const id = await this.db.transaction().execute(async (tx) => {
      const reference = await this.nextReference(tx, kind, receivedAt);
      const row = await tx
        .insertInto('complaints')
        .values({
          reference,
          kind,
          status: 'received',
          source,
          external_id: input.external_id ?? null,
          received_at: receivedAt,
          channel: input.channel ?? null,
          customer_id: input.customer_id ?? null,
          contact_name: input.contact_name ?? null,
          contact_email: input.contact_email ?? null,
          contact_phone: input.contact_phone ?? null,
          description: input.description.trim(),
          product: input.product ?? null,
          category: input.category ?? null,
          severity,
          remedy_sought: input.remedy_sought ?? null,
          owner_user_id: input.owner_user_id ?? null,
          department: input.department ?? null,
          subject_agent_id: input.subject_agent_id ?? null,
          duplicate_of: null,
          ...due,
          acknowledged_at: null,
          resolved_at: null,
          closed_at: null,
          acknowledge_escalated_at: null,
          resolve_escalated_at: null,
          root_cause: null,
          resolution_type: null,
          resolution_amount: null,
          resolution_currency: null,
          customer_satisfied: 'unknown',
          rejection_reason: null,
          evaluation: kind === 'suggestion' ? 'new' : null,
          reopen_count: 0,
          revision: 1,
          created_by: principal?.id ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.linkConversations(tx, row.id, conversationIds);
      await this.event(
        tx,
        row.id,
        principal?.id ?? null,
        'received',
        {
          source,
          reference,
          triage: suggested?.reasons ?? null,
          category_suggested: suggested?.category ?? null,
        },
        { to: 'received' },
      );
      return row.id;
    });
    return { ...(await this.view(id)), linked_to_existing: false };
  }

  /**
   * Stores an entry of an imported register as it stands there (its status and dates as given),
   * with a new reference number and deadlines from its severity.
   */
  async insertFromRegister(externalId: string, values: RegisterValues): Promise<number> {
    const settings = await loadComplaintSettings(this.db);
    const due =
      values.kind === 'complaint'
        ? await this.dueDates(settings, values.severity, values.received_at)
        : { acknowledge_due_at: null, resolve_due_at: null };
    const now = Date.now();
    return this.db.transaction().execute(async (tx) => {
      const reference = await this.nextReference(tx, values.kind, values.received_at);
      const row = await tx
        .insertInto('complaints')
        .values({
          ...values,
          reference,
          source: 'register',
          external_id: externalId,
          subject_agent_id: null,
          duplicate_of: null,
          ...due,
          acknowledge_escalated_at: null,
          resolve_escalated_at: null,
          rejection_reason: null,
          evaluation: values.kind === 'suggestion' ? 'new' : null,
          reopen_count: 0,
          revision: 1,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.event(tx, row.id, null, 'imported', { external_id: externalId }, { to: values.status });
      return row.id;
    });
  }

  /** Updates an entry from a newer copy of the imported register; the change goes into its history. */
  async overwriteFromRegister(id: number, values: RegisterValues): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('complaints')
        .select(['status', 'revision'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('complaints')
        .set({ ...values, updated_at: Date.now(), revision: before.revision + 1 })
        .where('id', '=', id)
        .execute();
      await this.event(tx, id, null, 'reimported', {}, { from: before.status, to: values.status });
    });
  }

  private examples: { version: string; rows: Array<{ label: string; text: string }> } | null = null;

  /**
   * What the register suggests for a new complaint: a severity from triage (when none is given)
   * and a category like that of the most similar past complaints (when none is given).
   */
  private async suggest(input: CreateComplaintInput, settings: ComplaintSettings) {
    const text = [input.product, input.description].filter(Boolean).join('. ');
    const triage = input.severity ? null : triageFor(settings).assess(text);
    let category: string | null = null;
    if (!input.category) {
      // The examples are the last 2,000 categorised complaints, re-read when the register changed.
      const latest = await this.db
        .selectFrom('complaints')
        .select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('updated_at').as('at')])
        .executeTakeFirst();
      const version = `${latest?.id ?? 0}:${latest?.at ?? 0}`;
      if (!this.examples || this.examples.version !== version) {
        const rows = await this.db
          .selectFrom('complaints')
          .select(['category', 'description'])
          .where('kind', '=', 'complaint')
          .where('category', 'is not', null)
          .where('category', '!=', 'other')
          .orderBy('id', 'desc')
          .limit(2000)
          .execute();
        this.examples = {
          version,
          rows: rows.map((r) => ({ label: r.category as string, text: r.description })),
        };
      }
      const best = suggestLabel(text, this.examples.rows, STOP_WORDS);
      category = best && settings.categories.includes(best.label) ? best.label : null;
    }
    return { severity: triage?.severity ?? null, reasons: triage?.reasons ?? null, category };
  }

  private async linkConversations(
    tx: Kysely<DB>,
    complaintId: number,
    conversationIds: readonly number[],
  ): Promise<void> {
    if (conversationIds.length === 0) return;
    await tx
      .insertInto('complaint_conversations')
      .values(conversationIds.map((conversation_id) => ({ complaint_id: complaintId, conversation_id })))
      .onConflict((oc) => oc.columns(['complaint_id', 'conversation_id']).doNothing())
      .execute();
  }

  private async visible(principal: Principal, id: number) {
    const row = await this.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFoundError(`complaint ${id}`);
    if (
      HANDLER_ROLES.has(principal.role) ||
      principal.role === 'viewer' ||
      row.owner_user_id === principal.id
    )
      return row;
    // Agents see the entries they own or that are about them.
    if (
      principal.role === 'agent' &&
      principal.agentId !== null &&
      row.subject_agent_id === principal.agentId
    )
      return row;
    throw notFoundError(`complaint ${id}`);
  }

  /** One entry with its conversations, history, notes and communication log. */
  async get(principal: Principal, id: number) {
    await this.visible(principal, id);
    return this.view(id);
  }

  /** The full view of an entry. */
  async view(id: number) {
    const row = await this.db
      .selectFrom('complaints as c')
      .leftJoin('users as o', 'o.id', 'c.owner_user_id')
      .selectAll('c')
      .select('o.name as owner_name')
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFoundError(`complaint ${id}`);
    const [conversations, events, notes, communications] = await Promise.all([
      this.db
        .selectFrom('complaint_conversations as cc')
        .innerJoin('conversations as v', 'v.id', 'cc.conversation_id')
        .select(['v.id', 'v.external_id', 'v.channel', 'v.created_at'])
        .where('cc.complaint_id', '=', id)
        .orderBy('v.created_at')
        .execute(),
      this.db
        .selectFrom('complaint_events')
        .selectAll()
        .where('complaint_id', '=', id)
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('complaint_notes')
        .selectAll()
        .where('complaint_id', '=', id)
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('complaint_communications')
        .selectAll()
        .where('complaint_id', '=', id)
        .orderBy('id')
        .execute(),
    ]);
    return {
      ...present(row, Date.now()),
      conversations: conversations.map((c) => ({ ...c, created_at: iso(c.created_at) })),
      history: events.map((e) => ({
        id: e.id,
        at: iso(e.at),
        user_id: e.user_id,
        action: e.action,
        from: e.from_status,
        to: e.to_status,
        detail: JSON.parse(e.detail) as unknown,
      })),
      notes: notes.map((n) => ({ id: n.id, at: iso(n.at), user_id: n.user_id, text: n.text })),
      communications: communications.map((c) => ({
        id: c.id,
        at: iso(c.at),
        user_id: c.user_id,
        direction: c.direction,
        channel: c.channel,
        summary: c.summary,
      })),
    };
  }

  /**
   * The register as the principal may see it (agents: what they own or what is about them),
   * narrowed by the filters; the received-date and topic filters select as the figures and the
   * topics do, so a topic's count and its list agree.
   */
  private filtered(principal: Principal, filters: ComplaintFilters, now: number) {
    const from = instant(filters.from, 'from');
    const to = instant(filters.to, 'to');
    let query = this.db.selectFrom('complaints as c');
    if (!HANDLER_ROLES.has(principal.role) && principal.role !== 'viewer') {
      const agentId = principal.agentId ?? -1;
      query = query.where((eb) =>
        eb.or([eb('c.owner_user_id', '=', principal.id), eb('c.subject_agent_id', '=', agentId)]),
      );
    }
    if (filters.status) query = query.where('c.status', '=', filters.status);
    if (filters.kind) query = query.where('c.kind', '=', filters.kind);
    if (filters.severity) query = query.where('c.severity', '=', filters.severity);
    if (filters.category) query = query.where('c.category', '=', filters.category);
    if (filters.owner_id !== undefined) query = query.where('c.owner_user_id', '=', filters.owner_id);
    if (filters.open || filters.overdue) query = query.where('c.status', 'in', [...OPEN_STATUSES]);
    if (filters.overdue) {
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('c.acknowledged_at', 'is', null), eb('c.acknowledge_due_at', '<', now)]),
          eb('c.resolve_due_at', '<', now),
        ]),
      );
    }
    if (from !== undefined) query = query.where('c.received_at', '>=', from);
    if (to !== undefined) query = query.where('c.received_at', '<', to);
    if (filters.topic) {
      // Topics group complaints only; one never grouped (or grouped from no words) is unclassified.
      query = query.where('c.kind', '=', 'complaint');
      query =
        filters.topic === UNCLASSIFIED
          ? query.where((eb) => eb.or([eb('c.topic', 'is', null), eb('c.topic', '=', UNCLASSIFIED)]))
          : query.where('c.topic', '=', filters.topic);
    }
    return query;
  }

  // The rows of one page in the asked order, each with its owner's name.
  private async rows(principal: Principal, filters: ComplaintFilters, now: number) {
    const sort = filters.sort ?? (filters.overdue ? 'due' : '-received');
    let query = this.filtered(principal, filters, now)
      .leftJoin('users as o', 'o.id', 'c.owner_user_id')
      .selectAll('c')
      .select('o.name as owner_name');
    if (sort === 'due') {
      const open = [...OPEN_STATUSES];
      // The deadline that matters now: acknowledgement until acknowledged, then resolution.
      const dueNow = (eb: ExpressionBuilder<DB & { c: ComplaintsTable }, 'c'>) =>
        eb
          .case()
          .when(eb.and([eb('c.status', '=', 'received'), eb('c.acknowledged_at', 'is', null)]))
          .then(eb.ref('c.acknowledge_due_at'))
          .else(eb.ref('c.resolve_due_at'))
          .end();
      query = query
        .orderBy((eb) =>
          eb
            .case()
            .when(
              eb.and([
                eb('c.status', 'in', open),
                eb.or([
                  eb.and([eb('c.acknowledged_at', 'is', null), eb('c.acknowledge_due_at', '<', now)]),
                  eb('c.resolve_due_at', '<', now),
                ]),
              ]),
            )
            .then(eb.lit(0))
            .else(eb.lit(1))
            .end(),
        )
        // A deadline a settled entry met long ago says nothing about what to do next.
        .orderBy((eb) => eb.case().when('c.status', 'in', open).then(eb.lit(0)).else(eb.lit(1)).end())
        // No deadline (suggestions, compliments) last; the databases disagree on where NULL sorts.
        .orderBy((eb) => eb.case().when(dueNow(eb), 'is', null).then(eb.lit(1)).else(eb.lit(0)).end())
        .orderBy((eb) => dueNow(eb))
        .orderBy('c.received_at', 'desc')
        .orderBy('c.id', 'desc');
    } else if (sort === 'received') {
      query = query.orderBy('c.received_at').orderBy('c.id');
    } else {
      query = query.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc');
    }
    return query
      .limit(filters.limit ?? 100)
      .offset(filters.offset ?? 0)
      .execute();
  }

  /** The register filtered and in the asked order (newest first unless asked otherwise). */
  async list(principal: Principal, filters: ComplaintFilters) {
    const now = Date.now();
    const rows = await this.rows(principal, filters, now);
    return rows.map((row) => present(row, now));
  }

  /** One page of the register with the number of entries matching the filters. */
  async listPage(principal: Principal, filters: ComplaintFilters) {
    const now = Date.now();
    const [rows, counted] = await Promise.all([
      this.rows(principal, filters, now),
      this.filtered(principal, filters, now)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => present(row, now)),
      total: Number(counted.n),
      limit: filters.limit ?? 100,
      offset: filters.offset ?? 0,
    };
  }

  // Owners and handlers move an entry; an agent never closes or resolves one about themselves.
  private assertMayWork(principal: Principal, row: ComplaintRow, to?: ComplaintStatus): void {
    const subject = principal.agentId !== null && row.subject_agent_id === principal.agentId;
    if (subject && to && ['resolved', 'closed', 'rejected', 'withdrawn'].includes(to)) {
      throw forbiddenError('you cannot settle a complaint about yourself');
    }
    if (HANDLER_ROLES.has(principal.role)) return;
    if (principal.role !== 'viewer' && row.owner_user_id === principal.id) return;
    throw forbiddenError('the owner or a complaint handler works on a complaint');
  }

  /** Moves an entry through its lifecycle; refused transitions say what is allowed. */
  async transition(principal: Principal, id: number, input: TransitionInput) {
    const row = await this.visible(principal, id);
    this.assertMayWork(principal, row, input.to);
    const from = row.status as ComplaintStatus;
    const problem = transitionProblem(row.kind as ComplaintKind, from, input.to, {
      reason: input.reason ?? null,
      rootCause: input.root_cause ?? null,
      resolutionType: input.resolution_type ?? null,
    });
    if (problem)
      throw conflictError('invalid_transition', `complaint ${row.reference}: ${problem}`, { status: from });
    const now = Date.now();
    const values: Updateable<DB['complaints']> = {
      status: input.to,
      updated_at: now,
      revision: row.revision + 1,
    };
    if (input.to === 'acknowledged') values.acknowledged_at = now;
    if (input.to === 'resolved') {
      values.resolved_at = now;
      values.acknowledged_at = row.acknowledged_at ?? now;
      values.root_cause = input.root_cause ?? row.root_cause;
      values.resolution_type = input.resolution_type ?? row.resolution_type;
      values.resolution_amount = input.resolution_amount ?? row.resolution_amount;
      values.resolution_currency = input.resolution_currency ?? row.resolution_currency;
    }
    if (input.to === 'closed') values.closed_at = now;
    if (input.to === 'rejected') values.rejection_reason = input.reason ?? null;
    if (input.to === 'reopened') {
      values.reopen_count = row.reopen_count + 1;
      values.resolved_at = null;
      values.closed_at = null;
    }
    if (input.customer_satisfied) values.customer_satisfied = input.customer_satisfied;
    await this.db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable('complaints')
        .set(values)
        .where('id', '=', id)
        .where('revision', '=', input.revision ?? row.revision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw conflictError('stale_revision', `complaint ${row.reference} changed meanwhile; reload it`, {
          current_revision: row.revision,
        });
      }
      await this.event(
        tx,
        id,
        principal.id,
        input.to,
        {
          reason: input.reason ?? null,
          root_cause: input.root_cause ?? null,
          resolution_type: input.resolution_type ?? null,
          resolution_amount: input.resolution_amount ?? null,
          customer_satisfied: input.customer_satisfied ?? null,
        },
        { from, to: input.to },
      );
    });
    return this.view(id);
  }

  /** Changes fields outside the lifecycle (owner, severity, category …), each change in the history. */
  async update(principal: Principal, id: number, input: UpdateComplaintInput) {
    const row = await this.visible(principal, id);
    this.assertMayWork(principal, row);
    if (
      input.owner_user_id !== undefined &&
      input.owner_user_id !== row.owner_user_id &&
      !HANDLER_ROLES.has(principal.role)
    ) {
      throw forbiddenError('handlers assign owners');
    }
    const settings = await loadComplaintSettings(this.db);
    await this.validate(
      {
        description: input.description ?? row.description,
        category: input.category === undefined ? null : input.category,
        owner_user_id: input.owner_user_id ?? null,
      },
      settings,
    );
    const values: Updateable<DB['complaints']> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const fields = [
      'owner_user_id',
      'severity',
      'category',
      'department',
      'product',
      'description',
      'remedy_sought',
      'evaluation',
      'customer_satisfied',
    ] as const;
    for (const field of fields) {
      const value = input[field];
      if (value === undefined || value === row[field]) continue;
      (values as Record<string, unknown>)[field] = value;
      changes[field] = { from: row[field], to: value };
    }
    if (Object.keys(changes).length === 0) return this.view(id);
    if (input.severity && input.severity !== row.severity && row.kind === 'complaint') {
      Object.assign(values, await this.dueDates(settings, input.severity, row.received_at));
    }
    await this.db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable('complaints')
        .set({ ...values, updated_at: Date.now(), revision: row.revision + 1 })
        .where('id', '=', id)
        .where('revision', '=', input.revision ?? row.revision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw conflictError('stale_revision', `complaint ${row.reference} changed meanwhile; reload it`, {
          current_revision: row.revision,
        });
      }
      await this.event(tx, id, principal.id, 'updated', changes);
    });
    return this.view(id);
  }

  /** Adds an investigation note. */
  async addNote(principal: Principal, id: number, text: string) {
    const row = await this.visible(principal, id);
    this.assertMayWork(principal, row);
    await this.db
      .insertInto('complaint_notes')
      .values({ complaint_id: id, at: Date.now(), user_id: principal.id, text })
      .execute();
    return this.view(id);
  }

  /** Logs what the customer was told (or said), when and how. */
  async addCommunication(
    principal: Principal,
    id: number,
    input: { direction: 'to_customer' | 'from_customer'; channel: string; summary: string; at?: string },
  ) {
    const row = await this.visible(principal, id);
    this.assertMayWork(principal, row);
    const at = input.at ? Date.parse(input.at) : Date.now();
    if (Number.isNaN(at)) throw invalidInput([{ field: 'at', reason: `not a date-time: "${input.at}"` }]);
    await this.db
      .insertInto('complaint_communications')
      .values({
        complaint_id: id,
        at,
        user_id: principal.id,
        direction: input.direction,
        channel: input.channel,
        summary: input.summary,
      })
      .execute();
    return this.view(id);
  }

  /**
   * Escalates every deadline missed in the last ESCALATION_LOOKBACK_DAYS, once: a notification to
   * the owner's manager (or every manager when the owner has none or there is no owner) and a
   * POST to the webhook URL, if set.
   */
  async escalateOverdue(
    now = Date.now(),
  ): Promise<Array<{ complaint_id: number; reference: string; deadline: string; notified: number[] }>> {
    const settings = await loadComplaintSettings(this.db);
    const open = [...OPEN_STATUSES];
    const [ackLate, resolveLate] = await Promise.all([
      this.db
        .selectFrom('complaints')
        .selectAll()
        .where('status', 'in', open)
        .where('acknowledged_at', 'is', null)
        .where('acknowledge_due_at', '<', now)
        .where('acknowledge_due_at', '>=', now - ESCALATION_LOOKBACK_DAYS * DAY_MS)
        .where('acknowledge_escalated_at', 'is', null)
        .execute(),
      this.db
        .selectFrom('complaints')
        .selectAll()
        .where('status', 'in', open)
        .where('resolve_due_at', '<', now)
        .where('resolve_due_at', '>=', now - ESCALATION_LOOKBACK_DAYS * DAY_MS)
        .where('resolve_escalated_at', 'is', null)
        .execute(),
    ]);
    const managers = await this.db
      .selectFrom('users')
      .select('id')
      .where('role', 'in', ['admin', 'manager'])
      .where('disabled', '=', 0)
      .execute();
    const escalated: Array<{
      complaint_id: number;
      reference: string;
      deadline: string;
      notified: number[];
    }> = [];
    const late = [
      ...ackLate.map((row) => ({ row, which: 'acknowledge' as const })),
      ...resolveLate.map((row) => ({ row, which: 'resolve' as const })),
    ];
    for (const { row, which } of late) {
      const column = which === 'acknowledge' ? 'acknowledge_escalated_at' : 'resolve_escalated_at';
      // Claim the escalation first, so two runs never send it twice.
      const claimed = await this.db
        .updateTable('complaints')
        .set({ [column]: now })
        .where('id', '=', row.id)
        .where(column, 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const ownerManager = row.owner_user_id
        ? await this.db
            .selectFrom('users')
            .select('manager_user_id')
            .where('id', '=', row.owner_user_id)
            .executeTakeFirst()
        : undefined;
      const recipients = ownerManager?.manager_user_id
        ? [ownerManager.manager_user_id]
        : managers.map((m) => m.id);
      const due = which === 'acknowledge' ? row.acknowledge_due_at : row.resolve_due_at;
      const subject = `${row.reference}: ${which === 'acknowledge' ? 'not acknowledged' : 'not resolved'} by ${iso(due)}`;
      const detail = {
        complaint_id: row.id,
        reference: row.reference,
        deadline: which,
        due_at: iso(due),
        owner_user_id: row.owner_user_id,
        severity: row.severity,
      };
      if (recipients.length > 0) {
        await this.db
          .insertInto('notifications')
          .values(
            recipients.map((user_id) => ({
              user_id,
              at: now,
              kind: 'complaint_escalation',
              subject,
              detail: JSON.stringify(detail),
              read_at: null,
            })),
          )
          .execute();
      }
      let webhook: number | string | null = null;
      if (settings.escalationWebhookUrl) {
        try {
          webhook = await this.postWebhook(settings.escalationWebhookUrl, {
            event: 'complaint.escalated',
            ...detail,
            subject,
          });
        } catch (error) {
          webhook = error instanceof Error ? error.message : String(error);
        }
      }
      await this.event(this.db, row.id, null, 'escalated', { ...detail, notified: recipients, webhook });
      escalated.push({
        complaint_id: row.id,
        reference: row.reference,
        deadline: which,
        notified: recipients,
      });
    }
    return escalated;
  }

  /**
   * Brings complaints in from conversations: every conversation marked as a complaint (imports,
   * the API) becomes a record; every conversation AutoQA detected as one becomes a candidate or a
   * record, by setting. Conversations already handled are skipped, so this is safe to repeat.
   */
  async intakeFromConversations(
    limit = 5000,
  ): Promise<{ records: number; linked: number; candidates: number }> {
    const settings = await loadComplaintSettings(this.db);
    const marked = await this.db
      .selectFrom('conversations as c')
      .select(['c.id', 'c.created_at', 'c.channel', 'c.customer_id', 'c.agent_id', 'c.subject'])
      .where('c.complaint', '=', 1)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('complaint_conversations as cc')
              .select('cc.complaint_id')
              .whereRef('cc.conversation_id', '=', 'c.id'),
          ),
        ),
      )
      .orderBy('c.id')
      .limit(limit)
      .execute();
    let records = 0;
    let linked = 0;
    for (const conversation of marked) {
      const created = await this.fromConversation(conversation, 'import');
      if (created.linked_to_existing) linked += 1;
      else records += 1;
    }
    let candidates = 0;
    if (settings.autoqaIntake !== 'off') {
      const detected = await this.db
        .selectFrom('conversation_analysis as a')
        .innerJoin('conversations as c', 'c.id', 'a.conversation_id')
        .select([
          'c.id',
          'c.created_at',
          'c.channel',
          'c.customer_id',
          'c.agent_id',
          'c.subject',
          'a.complaint_confidence',
          'a.result',
        ])
        .where('a.complaint', '=', 1)
        .where('c.complaint', '=', 0)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('complaint_conversations as cc')
                .select('cc.complaint_id')
                .whereRef('cc.conversation_id', '=', 'c.id'),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('complaint_candidates as k')
                .select('k.conversation_id')
                .whereRef('k.conversation_id', '=', 'c.id'),
            ),
          ),
        )
        .orderBy('c.id')
        .limit(limit)
        .execute();
      for (const row of detected) {
        const topics =
          (JSON.parse(row.result) as { complaint?: { topics?: string[] } }).complaint?.topics ?? [];
        if (settings.autoqaIntake === 'records') {
          const created = await this.fromConversation(row, 'autoqa');
          if (created.linked_to_existing) linked += 1;
          else records += 1;
          continue;
        }
        await this.db
          .insertInto('complaint_candidates')
          .values({
            conversation_id: row.id,
            confidence: row.complaint_confidence,
            topics: JSON.stringify(topics),
            status: 'pending',
            complaint_id: null,
            created_at: Date.now(),
            decided_by: null,
            decided_at: null,
          })
          .onConflict((oc) => oc.column('conversation_id').doNothing())
          .execute();
        candidates += 1;
      }
    }
    return { records, linked, candidates };
  }

  private async fromConversation(
    conversation: {
      id: number;
      created_at: number;
      channel: string;
      customer_id: number | null;
      agent_id: number | null;
      subject: string | null;
    },
    source: string,
    principal: Principal | null = null,
  ) {
    const customer = conversation.customer_id
      ? await this.db
          .selectFrom('customer_pii')
          .select(['name', 'email', 'phone'])
          .where('customer_id', '=', conversation.customer_id)
          .executeTakeFirst()
      : undefined;
    const firstCustomerMessage = await this.db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', conversation.id)
      .where('role', '=', 'customer')
      .orderBy('seq')
      .executeTakeFirst();
    const description =
      [conversation.subject, firstCustomerMessage?.text].filter(Boolean).join(' — ') ||
      `Complaint in conversation ${conversation.id}`;
    return this.create(
      principal,
      {
        received_at: new Date(conversation.created_at).toISOString(),
        channel: conversation.channel,
        conversation_ids: [conversation.id],
        customer_id: conversation.customer_id,
        contact_name: customer?.name ?? null,
        contact_email: customer?.email ?? null,
        contact_phone: customer?.phone ?? null,
        description: description.slice(0, 5000),
        subject_agent_id: conversation.agent_id,
      },
      source,
    );
  }

  /** Complaint candidates from AutoQA, newest first. */
  async candidates(status = 'pending', limit = 100) {
    const rows = await this.db
      .selectFrom('complaint_candidates as k')
      .innerJoin('conversations as c', 'c.id', 'k.conversation_id')
      .select([
        'k.conversation_id',
        'c.external_id',
        'c.channel',
        'c.subject',
        'k.confidence',
        'k.topics',
        'k.status',
        'k.complaint_id',
        'k.created_at',
      ])
      .where('k.status', '=', status)
      .orderBy('k.created_at', 'desc')
      .orderBy('k.conversation_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      ...row,
      topics: JSON.parse(row.topics) as string[],
      created_at: iso(row.created_at),
    }));
  }

  /** Accepts a candidate (it becomes a record, or joins the customer's open one) or dismisses it. */
  async decideCandidate(principal: Principal, conversationId: number, decision: 'accept' | 'dismiss') {
    if (!HANDLER_ROLES.has(principal.role)) throw forbiddenError('complaint handlers decide on candidates');
    const candidate = await this.db
      .selectFrom('complaint_candidates')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    if (!candidate) throw notFoundError(`complaint candidate for conversation ${conversationId}`);
    if (candidate.status !== 'pending') {
      throw conflictError('decided', `the candidate was ${candidate.status} already`, {
        complaint_id: candidate.complaint_id,
      });
    }
    let complaintId: number | null = null;
    if (decision === 'accept') {
      const conversation = await this.db
        .selectFrom('conversations')
        .select(['id', 'created_at', 'channel', 'customer_id', 'agent_id', 'subject'])
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      const created = await this.fromConversation(conversation, 'autoqa', principal);
      complaintId = created.id;
    }
    await this.db
      .updateTable('complaint_candidates')
      .set({
        status: decision === 'accept' ? 'accepted' : 'dismissed',
        complaint_id: complaintId,
        decided_by: principal.id,
        decided_at: Date.now(),
      })
      .where('conversation_id', '=', conversationId)
      .execute();
    return {
      conversation_id: conversationId,
      status: decision === 'accept' ? 'accepted' : 'dismissed',
      complaint_id: complaintId,
    };
  }

  /** The complaint figures of complaints received in [from, to), per the metric definitions. */
  async figures(range: { from: number; to: number }) {
    const [rows, conversations] = await Promise.all([
      this.db
        .selectFrom('complaints')
        .select([
          'status',
          'received_at',
          'acknowledge_due_at',
          'resolve_due_at',
          'acknowledged_at',
          'resolved_at',
          'reopen_count',
          'resolution_type',
        ])
        .where('kind', '=', 'complaint')
        .where('received_at', '>=', range.from)
        .where('received_at', '<', range.to)
        .execute(),
      this.db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', range.from)
        .where('created_at', '<', range.to)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      from: iso(range.from),
      to: iso(range.to),
      ...complaintFigures(rows, Number(conversations.n), Date.now()),
    };
  }

  /** A user's unread notifications (escalations), newest first. */
  async notifications(principal: Principal) {
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', principal.id)
      .where('read_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map((row) => ({
      ...row,
      at: iso(row.at),
      read_at: null,
      detail: JSON.parse(row.detail) as unknown,
    }));
  }
}

/** The public shape of a register row. */
function present(row: ComplaintRow & { owner_name: string | null }, now: number) {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    source: row.source,
    received_at: iso(row.received_at),
    channel: row.channel,
    customer_id: row.customer_id,
    contact_name: row.contact_name,
    contact_email: row.contact_email,
    contact_phone: row.contact_phone,
    description: row.description,
    product: row.product,
    category: row.category,
    severity: row.severity,
    remedy_sought: row.remedy_sought,
    owner_user_id: row.owner_user_id,
    owner_name: row.owner_name,
    department: row.department,
    subject_agent_id: row.subject_agent_id,
    topic: row.topic,
    topic_label: row.topic_label,
    acknowledge_due_at: iso(row.acknowledge_due_at),
    resolve_due_at: iso(row.resolve_due_at),
    acknowledged_at: iso(row.acknowledged_at),
    resolved_at: iso(row.resolved_at),
    closed_at: iso(row.closed_at),
    overdue: isOverdue(row, now),
    root_cause: row.root_cause,
    resolution_type: row.resolution_type,
    resolution_amount: row.resolution_amount,
    resolution_currency: row.resolution_currency,
    customer_satisfied: row.customer_satisfied,
    rejection_reason: row.rejection_reason,
    evaluation: row.evaluation,
    reopen_count: row.reopen_count,
    revision: row.revision,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

async function defaultPostWebhook(url: string, payload: unknown): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  });
  return response.status;
}

/**
 * Keeps the register current in the background: takes in complaints from new conversations and
 * escalates missed deadlines every `intervalMs`, one run at a time. Returns a function that stops it.
 */
export function startRegisterUpkeep(
  database: Database,
  report: (message: string) => void,
  intervalMs = 60_000,
): () => Promise<void> {
  const service = new ComplaintsService(database);
  const topics = new TopicsService(database);
  let running: Promise<void> | null = null;
  let clustered = false;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const intake = await service.intakeFromConversations();
      // New complaints may change the topics; cluster on the first run and whenever some arrive.
      if (!clustered || intake.records + intake.linked > 0) {
        await topics.refresh();
        clustered = true;
      }
      const escalated = await service.escalateOverdue();
      if (intake.records + intake.linked + intake.candidates > 0) {
        report(
          `Complaints: ${intake.records} recorded, ${intake.linked} linked to open ones, ${intake.candidates} candidates from AutoQA`,
        );
      }
      if (escalated.length > 0) report(`Complaints: ${escalated.length} missed deadlines escalated`);
      const spikes = await topics.alertSpikes();
      if (spikes.length > 0) report(`Complaints: ${spikes.length} topics spiked last week`);
    })()
      .catch((error: unknown) =>
        report(`Complaints: upkeep failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
