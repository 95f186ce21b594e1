/** Schemas of saved views. */
import Type from 'typebox';

/** The pages whose filters can be saved. */
export const VIEW_PAGES = ['conversations', 'complaints', 'reviews', 'dashboard'] as const;
/** A page whose filters can be saved. */
export type ViewPage = (typeof VIEW_PAGES)[number];

export const SavedViewSchema = Type.Object({
  id: Type.Integer(),
  page: Type.Enum(VIEW_PAGES),
  name: Type.String(),
  query: Type.String({ description: "the page's URL query without `?` and without a page cursor" }),
  shared: Type.Boolean({ description: 'whether every user sees the view' }),
  owner: Type.Object({ id: Type.Integer(), name: Type.String() }),
  mine: Type.Boolean(),
  updated_at: Type.String({ format: 'date-time' }),
});
/** A saved view as the API shows it. */
export type SavedView = Type.Static<typeof SavedViewSchema>;

export const ListViewsQuerySchema = Type.Object({ page: Type.Enum(VIEW_PAGES) });

export const SaveViewBodySchema = Type.Object({
  page: Type.Enum(VIEW_PAGES),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  query: Type.String({ maxLength: 2000 }),
  shared: Type.Optional(Type.Boolean({ default: false })),
});
/** What saving a view takes. */
export type SaveViewBody = Type.Static<typeof SaveViewBodySchema>;
