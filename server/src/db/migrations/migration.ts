/**
 * One forward-only schema change. Migrations are TypeScript modules rather than .sql files so they
 * travel with the code under tsx, Vitest and any bundler without file-path lookups.
 */
export interface Migration {
  /** 1, 2, 3, … in the order they apply; never reused, never edited once released. */
  version: number;
  /** snake_case summary, e.g. `server_meta`. */
  name: string;
  /** PostgreSQL statements, run as one script inside the migration's transaction. */
  sql: string;
}

/** How a migration is named in output and errors: `001_server_meta`. */
export function migrationLabel(migration: Pick<Migration, 'version' | 'name'>): string {
  return `${String(migration.version).padStart(3, '0')}_${migration.name}`;
}
