/** Schemas of follow-up tasks in the HTTP API, and the kinds and statuses a task has. */
import Type from 'typebox';

/** Kinds of follow-up, each with the title a task gets when none is given. */
export const TASK_KINDS = {
  call_back: 'Call the customer back and correct the information',
  coach_agent: 'Coach the agent',
  other: 'Follow up',
} as const;

/** A kind of follow-up task. */
export type TaskKind = keyof typeof TASK_KINDS;

/** Where a task stands. */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

/** A status of a task. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

const TITLE_LENGTH = { minLength: 1, maxLength: 500 };
const DueAt = Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
  description: 'when it must be done (ISO date-time); null: no due date',
});
const TaskFields = {
  kind: Type.Enum(Object.keys(TASK_KINDS) as TaskKind[], {
    description: 'call_back: call the customer back and correct the information; coach_agent; other',
  }),
  title: Type.Optional(Type.String({ ...TITLE_LENGTH, description: 'default: the title of the kind' })),
  owner_user_id: Type.Integer({ minimum: 1, description: 'the user who does it (active)' }),
  due_at: Type.Optional(DueAt),
};

/** Body of `POST /reviews/:id/tasks`: the task is about the review and its conversation. */
export const CreateReviewTaskSchema = Type.Object(TaskFields, { additionalProperties: false });

/** Body of `POST /tasks`: optionally about a conversation. */
export const CreateTaskSchema = Type.Object(
  { ...TaskFields, conversation_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])) },
  { additionalProperties: false },
);

/** Query of `GET /tasks`. */
export const ListTasksQuerySchema = Type.Object({
  owner_id: Type.Optional(
    Type.Integer({ minimum: 1, description: "default: you; another user's tasks: managers only" }),
  ),
  all_owners: Type.Optional(Type.Boolean({ description: "everyone's tasks (managers only)" })),
  status: Type.Optional(Type.Enum([...TASK_STATUSES])),
  overdue: Type.Optional(Type.Boolean({ description: 'only open tasks past their due date' })),
  review_id: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

/** Body of `PATCH /tasks/:id`. */
export const UpdateTaskSchema = Type.Object(
  {
    status: Type.Optional(
      Type.Enum([...TASK_STATUSES], { description: 'done records when; marking done again changes nothing' }),
    ),
    due_at: Type.Optional(DueAt),
    owner_user_id: Type.Optional(Type.Integer({ minimum: 1, description: 'hand the task over' })),
    title: Type.Optional(Type.String(TITLE_LENGTH)),
  },
  { additionalProperties: false },
);
