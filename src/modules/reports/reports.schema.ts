/** Schemas of the report routes. */
import Type from 'typebox';
import { REPORT_FORMATS } from './reports.service.js';

const Filter = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));

/** Query of `GET /reports`. */
export const ReportQuerySchema = Type.Object({
  period: Type.String({
    minLength: 1,
    maxLength: 20,
    description:
      'a day (2026-03-15), ISO week (2026-W10), month (2026-03) or quarter (2026-Q1), organisation time zone',
  }),
  format: Type.Optional(Type.Enum([...REPORT_FORMATS], { default: 'html' })),
  team: Filter,
  channel: Filter,
  minimum_count: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: 'reviews or answers a team or agent needs to be ranked',
    }),
  ),
});

const Email = Type.String({ minLength: 3, maxLength: 320 });
const Smtp = {
  host: Type.String({ maxLength: 255 }),
  port: Type.Integer({ minimum: 1, maximum: 65535 }),
  secure: Type.Boolean({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered' }),
  user: Type.String({ maxLength: 320, description: 'empty: no authentication' }),
};

/** The schedule as `GET /reports/schedule` returns it (the password never, only whether one is set). */
export const ReportScheduleSchema = Type.Object({
  daily: Type.Boolean(),
  weekly: Type.Boolean(),
  monthly: Type.Boolean(),
  hour: Type.Integer(),
  folder: Type.String(),
  formats: Type.Array(Type.String()),
  recipients: Type.Array(Type.String()),
  from: Type.String(),
  smtp: Type.Object({ ...Smtp, password_set: Type.Boolean() }),
  enabled_at: Type.Object({
    daily: Type.Union([Type.Number(), Type.Null()]),
    weekly: Type.Union([Type.Number(), Type.Null()]),
    monthly: Type.Union([Type.Number(), Type.Null()]),
  }),
});

/** Body of `PUT /reports/schedule`: the fields to change. */
export const ReportScheduleChangeSchema = Type.Object(
  {
    daily: Type.Optional(Type.Boolean()),
    weekly: Type.Optional(Type.Boolean()),
    monthly: Type.Optional(Type.Boolean()),
    hour: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 23, description: 'local hour reports go out from' }),
    ),
    folder: Type.Optional(
      Type.String({ maxLength: 1000, description: 'folder on the server the files are written to' }),
    ),
    formats: Type.Optional(Type.Array(Type.Enum([...REPORT_FORMATS]), { minItems: 1, maxItems: 4 })),
    recipients: Type.Optional(Type.Array(Email, { maxItems: 200 })),
    from: Type.Optional(Type.String({ maxLength: 320 })),
    smtp: Type.Optional(
      Type.Object(
        {
          host: Type.Optional(Smtp.host),
          port: Type.Optional(Smtp.port),
          secure: Type.Optional(Smtp.secure),
          user: Type.Optional(Smtp.user),
          password: Type.Optional(
            Type.Union([Type.String({ maxLength: 1000 }), Type.Null()], {
              description: 'write-only; null clears it, absent keeps it',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
