// Versioned schema migrations, in code so they ship inside dist/. Add a new entry for every change;
// never edit one that has shipped. Only portable column types (SQLite and PostgreSQL).
import { Migrator, sql, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/** The one non-portable column: an auto-numbered primary key. */
function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: SqlDialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const migrations = (dialect: SqlDialectName): Record<string, Migration> => ({
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('articles'), dialect)
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('outlet', 'text')
        .addColumn('published', 'text')
        .addColumn('url', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('mentions'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_cameo', 'text')
        .addColumn('role', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      let events = withId(db.schema.createTable('events'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull());
      for (const side of ['source', 'target']) {
        events = events
          .addColumn(`${side}_id`, 'text')
          .addColumn(`${side}_role`, 'text')
          .addColumn(`${side}_cameo`, 'text')
          .addColumn(`${side}_name`, 'text')
          .addColumn(`${side}_text`, 'text')
          .addColumn(`${side}_start`, 'integer')
          .addColumn(`${side}_end`, 'integer');
      }
      await events
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('quad', 'integer', (c) => c.notNull().check(sql`quad between 1 and 4`))
        .addColumn('goldstein', 'real')
        .addColumn('plover', 'text')
        .addColumn('date_value', 'text')
        .addColumn('date_precision', 'text')
        .addColumn('date_text', 'text')
        .addColumn('date_basis', 'text', (c) => c.notNull())
        .addColumn('date_first', 'text')
        .addColumn('date_last', 'text')
        .addColumn('trigger_start', 'integer', (c) => c.notNull())
        .addColumn('trigger_end', 'integer', (c) => c.notNull())
        .addColumn('evidence_start', 'integer', (c) => c.notNull())
        .addColumn('evidence_end', 'integer', (c) => c.notNull())
        .addColumn('evidence_text', 'text', (c) => c.notNull())
        .addColumn('attributed_to', 'text')
        .addColumn('negated', 'integer', (c) => c.notNull())
        .addColumn('hypothetical', 'integer', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .execute();
      const indices: [string, string, string[]][] = [
        ['articles_published', 'articles', ['published']],
        ['mentions_article', 'mentions', ['article_id']],
        ['mentions_actor', 'mentions', ['actor_id']],
        ['events_article', 'events', ['article_id']],
        ['events_source', 'events', ['source_id', 'target_id']],
        ['events_target', 'events', ['target_id', 'source_id']],
        ['events_date', 'events', ['date_first', 'date_last']],
        ['events_code', 'events', ['code']],
        ['events_root', 'events', ['root']],
      ];
      for (const [name, table, columns] of indices) await db.schema.createIndex(name).on(table).columns(columns).execute();
    },
  },
});

export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: SqlDialectName): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  const migrator = new Migrator({ db, provider, migrationTableName: 'rasad_migrations', migrationLockTableName: 'rasad_migrations_lock' });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
}
