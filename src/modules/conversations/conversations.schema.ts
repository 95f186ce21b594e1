/**
 * Schemas of the conversation exchange format (docs/FORMAT.md) and of the conversation API.
 * One definition serves validation in the importer, the HTTP routes and the OpenAPI document.
 */
import Type from 'typebox';

/** Channels a contact can arrive through. */
export const CHANNELS = [
  'phone',
  'email',
  'chat',
  'social',
  'messenger',
  'sms',
  'in_person',
  'forum',
  'other',
] as const;
/** Lifecycle states of a conversation. */
export const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
/** Who wrote a message. */
export const ROLES = ['customer', 'agent', 'bot', 'system'] as const;
/** Survey kinds. */
export const FEEDBACK_TYPES = ['csat', 'nps', 'ces'] as const;

export type Channel = (typeof CHANNELS)[number];
export type ConversationStatus = (typeof STATUSES)[number];
export type MessageRole = (typeof ROLES)[number];
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' });
const NonNegative = Type.Number({ minimum: 0 });
const NonEmpty = (description: string) => Type.String({ minLength: 1, maxLength: 512, description });

export const PersonRefSchema = Type.Object({
  id: Type.Union([NonEmpty('id in the source system'), Type.Integer()]),
  name: Type.Optional(Type.String({ maxLength: 512 })),
  email: Type.Optional(Type.String({ maxLength: 512 })),
  phone: Type.Optional(Type.String({ maxLength: 64 })),
  team: Type.Optional(Type.String({ maxLength: 256 })),
});

export const MessageInputSchema = Type.Object({
  role: Type.Enum(ROLES),
  author: Type.Optional(Type.Union([Type.String({ maxLength: 512 }), Type.Integer()])),
  at: Type.Optional(DateTime),
  text: Type.String({ maxLength: 200_000 }),
  internal: Type.Optional(Type.Boolean()),
  start_s: Type.Optional(NonNegative),
  end_s: Type.Optional(NonNegative),
});

export const FeedbackInputSchema = Type.Object({
  type: Type.Enum(FEEDBACK_TYPES),
  score: Type.Number(),
  scale: Type.Optional(Type.Integer({ minimum: 2, maximum: 10 })),
  comment: Type.Optional(Type.String({ maxLength: 20_000 })),
  at: Type.Optional(DateTime),
});

/** One conversation as it arrives (FORMAT.md). Unknown top-level keys are allowed and go to `custom`. */
export const ConversationInputSchema = Type.Object(
  {
    id: Type.Union([NonEmpty("the source system's id"), Type.Integer()]),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
    channel: Type.Enum(CHANNELS),
    language: Type.Optional(
      Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 code' }),
    ),
    subject: Type.Optional(Type.String({ maxLength: 2000 })),
    status: Type.Optional(Type.Enum(STATUSES)),
    created_at: DateTime,
    resolved_at: Type.Optional(DateTime),
    agent: Type.Optional(PersonRefSchema),
    customer: Type.Optional(PersonRefSchema),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 200 })),
    priority: Type.Optional(Type.String({ maxLength: 32 })),
    wait_s: Type.Optional(NonNegative),
    handle_s: Type.Optional(NonNegative),
    transfers: Type.Optional(Type.Integer({ minimum: 0 })),
    abandoned: Type.Optional(Type.Boolean()),
    reopened: Type.Optional(Type.Integer({ minimum: 0 })),
    outcome: Type.Optional(Type.String({ maxLength: 128 })),
    messages: Type.Optional(Type.Array(MessageInputSchema, { maxItems: 10_000 })),
    feedback: Type.Optional(Type.Array(FeedbackInputSchema, { maxItems: 100 })),
    complaint: Type.Optional(Type.Boolean()),
    custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: true },
);

export type PersonRef = Type.Static<typeof PersonRefSchema>;
export type MessageInput = Type.Static<typeof MessageInputSchema>;
export type FeedbackInput = Type.Static<typeof FeedbackInputSchema>;
/** A conversation in the exchange format, as validated. */
export type ConversationInput = Type.Static<typeof ConversationInputSchema>;

/** Keys of the exchange format; any other top-level key is moved into `custom`. */
export const KNOWN_CONVERSATION_KEYS: ReadonlySet<string> = new Set(
  Object.keys(ConversationInputSchema.properties),
);

const MessageOutSchema = Type.Object({
  seq: Type.Integer(),
  role: Type.Enum(ROLES),
  author: Type.Union([Type.String(), Type.Null()]),
  at: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  internal: Type.Boolean(),
  start_s: Type.Union([Type.Number(), Type.Null()]),
  end_s: Type.Union([Type.Number(), Type.Null()]),
});

const FeedbackOutSchema = Type.Object({
  type: Type.Enum(FEEDBACK_TYPES),
  score: Type.Number(),
  scale: Type.Integer(),
  comment: Type.Union([Type.String(), Type.Null()]),
  at: Type.Union([Type.String(), Type.Null()]),
});

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A conversation as the API lists it. */
export const ConversationSummarySchema = Type.Object({
  id: Type.Integer({ description: 'Kvalita id' }),
  source: Type.String(),
  external_id: Type.String(),
  channel: Type.Enum(CHANNELS),
  language: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  status: Nullable(Type.Enum(STATUSES)),
  priority: Nullable(Type.String()),
  created_at: Type.String(),
  resolved_at: Nullable(Type.String()),
  agent: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  team: Nullable(Type.String()),
  customer_id: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  message_count: Type.Integer(),
  has_feedback: Type.Boolean(),
  complaint: Type.Boolean(),
  wait_s: Nullable(Type.Number()),
  handle_s: Nullable(Type.Number()),
  transfers: Nullable(Type.Integer()),
  abandoned: Nullable(Type.Boolean()),
  reopened: Nullable(Type.Integer()),
  outcome: Nullable(Type.String()),
});

/** A conversation with its messages and feedback. */
export const ConversationDetailSchema = Type.Intersect([
  ConversationSummarySchema,
  Type.Object({
    customer: Nullable(
      Type.Object({
        id: Type.String(),
        name: Nullable(Type.String()),
        email: Nullable(Type.String()),
        phone: Nullable(Type.String()),
      }),
    ),
    custom: Type.Record(Type.String(), Type.Unknown()),
    messages: Type.Array(MessageOutSchema),
    feedback: Type.Array(FeedbackOutSchema),
    complaints: Type.Array(
      Type.Object({ id: Type.Integer(), reference: Type.String(), status: Type.String() }),
      { description: 'the register entries this conversation belongs to' },
    ),
  }),
]);

export type ConversationSummary = Type.Static<typeof ConversationSummarySchema>;
export type ConversationDetail = Type.Static<typeof ConversationDetailSchema>;

/** Sort orders the list offers. */
export const SORTS = ['-created_at', 'created_at'] as const;
export type ConversationSort = (typeof SORTS)[number];

/** Query string of `GET /conversations`. */
// A comma-separated list of numbers and inclusive ranges (`9-12,14`).
const HOUR_LIST = '^\\d{1,2}(-\\d{1,2})?(,\\d{1,2}(-\\d{1,2})?)*$';

export const ConversationListQuerySchema = Type.Object({
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  channel: Type.Optional(Type.Enum(CHANNELS)),
  agent: Type.Optional(Type.String({ description: 'agent id in the source system' })),
  team: Type.Optional(Type.String({ description: 'team name' })),
  language: Type.Optional(Type.String()),
  tag: Type.Optional(Type.String()),
  status: Type.Optional(Type.Enum(STATUSES)),
  source: Type.Optional(Type.String()),
  has_feedback: Type.Optional(Type.Boolean()),
  complaint: Type.Optional(Type.Boolean()),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'words in subject or messages' }),
  ),
  hour: Type.Optional(
    Type.String({
      pattern: HOUR_LIST,
      description: 'local hours of day in the organisation time zone, 0–23: a list and ranges, e.g. 9-12,14',
    }),
  ),
  weekday: Type.Optional(
    Type.String({
      pattern: HOUR_LIST,
      description: 'ISO weekdays in the organisation time zone, 1 = Monday … 7 = Sunday, e.g. 6,7 or 1-5',
    }),
  ),
  sort: Type.Optional(Type.Enum(SORTS, { default: '-created_at' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ConversationListQuery = Type.Static<typeof ConversationListQuerySchema>;

export const ConversationListSchema = Type.Object({
  items: Type.Array(ConversationSummarySchema),
  next_cursor: Nullable(Type.String()),
});

/** Result of storing one item of a batch. */
export const IngestItemResultSchema = Type.Object({
  index: Type.Integer(),
  line: Type.Optional(Type.Integer()),
  id: Nullable(Type.String()),
  status: Type.Union([Type.Literal('imported'), Type.Literal('updated'), Type.Literal('rejected')]),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
});

export const IngestResultSchema = Type.Object({
  read: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Integer(),
  items: Type.Array(IngestItemResultSchema),
});
