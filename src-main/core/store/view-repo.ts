import type { SavedView } from '../../../src-shared/domain';
import type { Db } from './open-db';

interface ViewRow {
  name: string;
  filter: string;
  sort_json: string | null;
  columns_json: string;
  updated_at: number;
}

function fromRow(row: ViewRow): SavedView {
  return {
    name: row.name,
    filter: row.filter,
    sort: row.sort_json === null ? null : (JSON.parse(row.sort_json) as SavedView['sort']),
    columns: JSON.parse(row.columns_json) as string[],
    updatedAt: row.updated_at,
  };
}

/** Named runs-table views, one per name. */
export class ViewRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      list: db.prepare<[], ViewRow>('SELECT name, filter, sort_json, columns_json, updated_at FROM saved_views ORDER BY name COLLATE NOCASE, name'),
      get: db.prepare<[string], ViewRow>('SELECT name, filter, sort_json, columns_json, updated_at FROM saved_views WHERE name = ?'),
      save: db.prepare<[string, string, string | null, string, number]>(
        `INSERT INTO saved_views (name, filter, sort_json, columns_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, sort_json = excluded.sort_json,
           columns_json = excluded.columns_json, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string]>('DELETE FROM saved_views WHERE name = ?'),
    };
  }

  /** Sorted by name, case-insensitively, as a menu lists them. */
  list(): SavedView[] {
    return this.q.list.all().map(fromRow);
  }

  /** Creates the view, or replaces the one with the same name. */
  save(view: SavedView): SavedView {
    this.q.save.run(view.name, view.filter, view.sort ? JSON.stringify(view.sort) : null, JSON.stringify(view.columns), view.updatedAt);
    return fromRow(this.q.get.get(view.name)!);
  }

  remove(name: string): boolean {
    return this.q.remove.run(name).changes > 0;
  }
}
