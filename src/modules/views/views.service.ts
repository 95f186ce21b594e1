/** Saved views: users keep named list filters and may share them with everyone. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../users/users.service.js';
import { type SavedViewRow, ViewsRepository } from './views.repository.js';
import type { SavedView, SaveViewBody, ViewPage } from './views.schema.js';

/** Roles whose views may be shared; an agent's filters concern only their own work. */
const SHARING_ROLES: ReadonlySet<string> = new Set(['admin', 'manager', 'lead', 'reviewer']);

/** Raised when a view cannot be saved or deleted as asked; names the field. */
export class ViewInputError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The query as stored: no leading `?` and no page cursor, since a view is filters, not a position. */
export function normaliseViewQuery(query: string): string {
  const params = new URLSearchParams(query.trim().replace(/^\?/, ''));
  params.delete('cursor');
  return params.toString();
}

function present(row: SavedViewRow, principal: Principal): SavedView {
  return {
    id: row.id,
    page: row.page as ViewPage,
    name: row.name,
    query: row.query,
    shared: row.shared === 1,
    owner: { id: row.user_id, name: row.owner_name },
    mine: row.user_id === principal.id,
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** Use cases of saved views. */
export class ViewsService {
  private readonly repository: ViewsRepository;

  constructor(db: Kysely<DB>) {
    this.repository = new ViewsRepository(db);
  }

  /** The caller's views of a page and the shared ones. */
  async list(principal: Principal, page: ViewPage): Promise<SavedView[]> {
    return (await this.repository.visible(principal.id, page)).map((row) => present(row, principal));
  }

  /** Saves a view under its name, replacing the caller's view of that name; whether it is new. */
  async save(principal: Principal, body: SaveViewBody): Promise<{ view: SavedView; created: boolean }> {
    const name = body.name.trim();
    if (!name) throw new ViewInputError(400, 'name', 'name: must not be blank');
    const shared = body.shared ?? false;
    if (shared && !SHARING_ROLES.has(principal.role)) {
      throw new ViewInputError(403, 'shared', `shared: the ${principal.role} role cannot share views`);
    }
    const { id, created } = await this.repository.upsert({
      user_id: principal.id,
      page: body.page,
      name,
      query: normaliseViewQuery(body.query),
      shared: shared ? 1 : 0,
      updated_at: Date.now(),
    });
    const row = await this.repository.find(id);
    if (!row) throw new Error(`saved view ${id} vanished after saving`);
    return { view: present(row, principal), created };
  }

  /** Deletes the caller's view (admins: anyone's); deleting one already gone succeeds. */
  async delete(principal: Principal, id: number): Promise<void> {
    const row = await this.repository.find(id);
    if (!row) return;
    if (row.user_id !== principal.id && principal.role !== 'admin') {
      // Someone else's private view is not disclosed; a shared one is visible, so say why not.
      if (row.shared !== 1) throw new ViewInputError(404, null, `no saved view ${id}`);
      throw new ViewInputError(403, null, 'only its owner or an admin can delete a shared view');
    }
    await this.repository.delete(id);
  }
}
