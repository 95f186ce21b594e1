/**
 * Schemas of scorecards. A scorecard definition is a document (camelCase keys, as in the YAML
 * of `kvalita scorecard export`); scorecard resources are rows (snake_case keys).
 */
import Type from 'typebox';
import { SCALES } from '../../domain/scorecard.js';

const Names = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 });

/** One category of a scorecard definition. */
export const CategorySchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64, description: 'stable key kept across versions' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    group: Type.String({ maxLength: 200, default: '' }),
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 1000, default: 1 }),
    scale: Type.Enum(SCALES, { default: '5-point' }),
    critical: Type.Boolean({
      default: false,
      description: 'a rating at the bottom of the scale fails the review',
    }),
    allowNa: Type.Boolean({ default: true }),
    rootCauses: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100, default: [] }),
    guidance: Type.String({ maxLength: 5000, default: '' }),
    autoqaCheck: Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
      default: null,
      description: 'AutoQA check id that pre-fills this category (pass → top, fail → bottom)',
    }),
    appliesTo: Type.Object(
      {
        channels: Type.Optional(Names),
        teams: Type.Optional(Names),
        languages: Type.Optional(Names),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

/** The content of a scorecard version. */
export const DefinitionSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 5000, default: '' }),
    passMark: Type.Number({ minimum: 0, maximum: 100, default: 80 }),
    categories: Type.Array(CategorySchema, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);

/** Body of `PUT /scorecards/:id`: the new definition, optionally guarded by the version it edits. */
export const UpdateScorecardSchema = Type.Object(
  {
    definition: DefinitionSchema,
    base_version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'the version this edit started from; a newer one answers 409',
      }),
    ),
  },
  { additionalProperties: false },
);
