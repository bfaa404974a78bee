// Versioned schema migrations, in code so they ship inside dist/. Add a new entry for every change;
// never edit one that has shipped. Both dialects run the same migrations; column types differ only in columnTypes() and withId().
import { cueRowsOf, type CueSource } from './merge-rows.js';
import { mergedCameoPairIndexes } from './migrations-api.js';
import { Migrator, sql, type ColumnDataType, type CreateTableBuilder, type Expression, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/** The one non-portable column: an auto-numbered primary key. */
function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: SqlDialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Text and real columns per dialect. SQLite's stay as they shipped; on PostgreSQL text compares byte-wise (COLLATE "C",
 * so sorting and `<` agree with SQLite and JavaScript, and prefix LIKE can use an index) and real is 8 bytes like SQLite's.
 */
type ColumnType = ColumnDataType | Expression<unknown>;

function columnTypes(dialect: SqlDialectName): { text: ColumnType; real: ColumnType } {
  return dialect === 'postgres' ? { text: sql`text collate "C"`, real: 'double precision' } : { text: 'text', real: 'real' };
}

const migrations = (dialect: SqlDialectName, { text, real } = columnTypes(dialect)): Record<string, Migration> => ({
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('articles'), dialect)
        .addColumn('doc', text, (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull().unique())
        .addColumn('title', text)
        .addColumn('outlet', text)
        .addColumn('published', text)
        .addColumn('url', text)
        .addColumn('lang', text, (c) => c.notNull())
        .addColumn('origin', text, (c) => c.notNull())
        .addColumn('text', text, (c) => c.notNull())
        .addColumn('ingested_at', text, (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('mentions'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('actor_id', text)
        .addColumn('actor_cameo', text)
        .addColumn('role', text)
        .addColumn('text', text, (c) => c.notNull())
        .execute();
      let events = withId(db.schema.createTable('events'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull());
      for (const side of ['source', 'target']) {
        events = events
          .addColumn(`${side}_id`, text)
          .addColumn(`${side}_role`, text)
          .addColumn(`${side}_cameo`, text)
          .addColumn(`${side}_name`, text)
          .addColumn(`${side}_text`, text)
          .addColumn(`${side}_start`, 'integer')
          .addColumn(`${side}_end`, 'integer');
      }
      await events
        .addColumn('code', text, (c) => c.notNull())
        .addColumn('root', text, (c) => c.notNull())
        .addColumn('quad', 'integer', (c) => c.notNull().check(sql`quad between 1 and 4`))
        .addColumn('goldstein', real)
        .addColumn('plover', text)
        .addColumn('date_value', text)
        .addColumn('date_precision', text)
        .addColumn('date_text', text)
        .addColumn('date_basis', text, (c) => c.notNull())
        .addColumn('date_first', text)
        .addColumn('date_last', text)
        .addColumn('trigger_start', 'integer', (c) => c.notNull())
        .addColumn('trigger_end', 'integer', (c) => c.notNull())
        .addColumn('evidence_start', 'integer', (c) => c.notNull())
        .addColumn('evidence_end', 'integer', (c) => c.notNull())
        .addColumn('evidence_text', text, (c) => c.notNull())
        .addColumn('attributed_to', text)
        .addColumn('negated', 'integer', (c) => c.notNull())
        .addColumn('hypothetical', 'integer', (c) => c.notNull())
        .addColumn('confidence', real, (c) => c.notNull())
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
  // Merged events (src/corpus/merge.ts) and framing (src/corpus/framing.ts).
  '0002_corpus': {
    async up(db: Kysely<unknown>): Promise<void> {
      let merged = withId(db.schema.createTable('merged_events'), dialect)
        .addColumn('key', text, (c) => c.notNull().unique())
        .addColumn('block', text, (c) => c.notNull());
      for (const side of ['source', 'target']) {
        merged = merged.addColumn(`${side}_id`, text).addColumn(`${side}_cameo`, text).addColumn(`${side}_role`, text).addColumn(`${side}_name`, text);
      }
      await merged
        .addColumn('code', text, (c) => c.notNull())
        .addColumn('root', text, (c) => c.notNull())
        .addColumn('quad', 'integer', (c) => c.notNull())
        .addColumn('goldstein', real)
        .addColumn('plover', text)
        .addColumn('date_value', text)
        .addColumn('date_precision', text)
        .addColumn('date_basis', text, (c) => c.notNull())
        .addColumn('date_first', text)
        .addColumn('date_last', text)
        .addColumn('reports', 'integer', (c) => c.notNull())
        .addColumn('articles', 'integer', (c) => c.notNull())
        .addColumn('outlets', 'integer', (c) => c.notNull())
        .addColumn('langs', text, (c) => c.notNull())
        .addColumn('any_claim', 'integer', (c) => c.notNull())
        .addColumn('all_claims', 'integer', (c) => c.notNull())
        .addColumn('negated', 'integer', (c) => c.notNull())
        .addColumn('hypothetical', 'integer', (c) => c.notNull())
        .addColumn('confidence', real, (c) => c.notNull())
        .addColumn('tone', real)
        .addColumn('evidence_text', text, (c) => c.notNull())
        .addColumn('evidence_doc', text, (c) => c.notNull())
        .addColumn('evidence_report', 'integer', (c) => c.notNull())
        .addColumn('first_published', text)
        .execute();
      await db.schema
        .createTable('merge_reports')
        .addColumn('event_id', 'integer', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('block', text, (c) => c.notNull())
        .addColumn('key', text, (c) => c.notNull())
        .addColumn('cues', text, (c) => c.notNull())
        .addColumn('tone', real)
        .addColumn('merged_id', 'integer', (c) => c.references('merged_events.id').onDelete('set null'))
        .execute();
      await withId(db.schema.createTable('framing'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('actor_id', text, (c) => c.notNull())
        .addColumn('mentions', 'integer', (c) => c.notNull())
        .addColumn('score', real, (c) => c.notNull())
        .addColumn('label', text, (c) => c.notNull())
        .addColumn('evidence', text, (c) => c.notNull())
        .execute();
      const indices: [string, string, string[]][] = [
        ['merge_reports_block', 'merge_reports', ['block']],
        ['merge_reports_merged', 'merge_reports', ['merged_id']],
        ['merged_source', 'merged_events', ['source_id', 'target_id']],
        ['merged_target', 'merged_events', ['target_id', 'source_id']],
        ['merged_date', 'merged_events', ['date_first', 'date_last']],
        ['merged_block', 'merged_events', ['block']],
        ['merged_root', 'merged_events', ['root']],
        ['framing_article', 'framing', ['article_id']],
        ['framing_actor', 'framing', ['actor_id']],
      ];
      for (const [name, table, columns] of indices) await db.schema.createIndex(name).on(table).columns(columns).execute();
    },
  },
  // The API's event pages (src/server/reads.ts): each side of an actor or dyad match read in date order from one
  // index, and a dyad's periods summed from its index alone (`npm run bench:api`).
  '0003_api_indexes': {
    async up(db: Kysely<unknown>): Promise<void> {
      const indices: [string, string[]][] = [
        ['events_first', ['date_first']],
        ['events_source_first', ['source_id', 'date_first']],
        ['events_target_first', ['target_id', 'date_first']],
        ['events_source_cameo_first', ['source_cameo', 'date_first']],
        ['events_target_cameo_first', ['target_cameo', 'date_first']],
        ['events_root_first', ['root', 'date_first', 'article_id']],
        ['events_dyad_first', ['source_id', 'target_id', 'date_first', 'date_last', 'date_value', 'quad', 'goldstein']],
      ];
      for (const [name, columns] of indices) await db.schema.createIndex(name).on('events').columns(columns).execute();
    },
  },
  // A merged actor matches by id or by CAMEO code on either side (a dyad's history, an actor's profile): with an
  // index for each column every branch of that OR is an index search, not a scan of all merged events.
  '0004_merged_cameo_indexes': {
    async up(db: Kysely<unknown>): Promise<void> {
      const indices: [string, string[]][] = [
        ['merged_source_cameo', ['source_cameo', 'target_cameo']],
        ['merged_target_cameo', ['target_cameo', 'source_cameo']],
      ];
      for (const [name, columns] of indices) await db.schema.createIndex(name).on('merged_events').columns(columns).execute();
    },
  },
  // Windowed merging (src/store/merge-candidates.ts): each report's date window and linked component, and its
  // weighted cues, so a new report reads only the reports it could link with instead of its whole block.
  '0005_merge_windows': {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of ['window_kind', 'window_first', 'window_last']) {
        await db.schema.alterTable('merge_reports').addColumn(column, text, (c) => c.notNull().defaultTo('')).execute();
      }
      await db.schema.alterTable('merge_reports').addColumn('component', 'integer').execute();
      await backfillWindows(db);
      let cues = db.schema
        .createTable('merge_cues')
        .addColumn('block', text, (c) => c.notNull())
        .addColumn('cue', text, (c) => c.notNull())
        .addColumn('window_kind', text, (c) => c.notNull())
        .addColumn('window_first', text, (c) => c.notNull())
        .addColumn('window_last', text, (c) => c.notNull())
        .addColumn('event_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('merge_cues_pk', ['block', 'cue', 'window_kind', 'window_first', 'event_id']);
      // The probes read this table by its key only: SQLite stores it once, as that key, rather than as rows plus an index.
      if (dialect === 'sqlite') cues = cues.modifyEnd(sql`without rowid`);
      await cues.execute();
      await backfillCues(db);
      await db.schema.createIndex('merge_reports_window').on('merge_reports').columns(['block', 'window_kind', 'window_first']).execute();
      await db.schema.createIndex('merge_reports_component').on('merge_reports').columns(['component']).execute();
    },
  },
  // Every event, report and merged event writes an entry in each of its table's indexes, so an index no query needs
  // is paid for on every insert (bench:scale). These are each the leading columns of another index, which serves the
  // same searches (events_date, events_dyad_first, events_root_first, merge_reports_window), or, for merged_block,
  // searched by no query at all.
  '0006_drop_redundant_indexes': {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const name of ['events_first', 'events_source', 'events_root', 'merge_reports_block', 'merged_block']) {
        await db.schema.dropIndex(name).ifExists().execute();
      }
    },
  },
  // Bulk ingest (src/store/sqlite-indexes.ts) drops the indexes only queries read and records each here until it is
  // built again, so a process killed in between leaves nothing missing unnoticed. PostgreSQL keeps its indexes (many
  // writers share it), so there the table stays empty.
  '0007_deferred_indexes': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('rasad_deferred_indexes')
        .addColumn('name', text, (c) => c.primaryKey())
        .addColumn('create_sql', text, (c) => c.notNull())
        .addColumn('owner', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '0008_merged_cameo_pair_indexes': mergedCameoPairIndexes,
});

/**
 * Windows of the reports stored before 0005, as mergeWindow gives them from the event's date (events.date_first and
 * date_last are dateRange(date_value)). Every report of a block is put in one component: too wide a component only
 * costs time (the block is re-clustered whole, and properly named, the first time a new report reaches it).
 */
async function backfillWindows(db: Kysely<unknown>): Promise<void> {
  await sql`update merge_reports set
      window_kind = (select case when e.date_first is null or e.date_precision is null then 'u'
        when e.date_basis in ('published', 'none') then 'p' else 's' end from events e where e.id = merge_reports.event_id),
      window_first = coalesce((select case when e.date_precision is null then null else e.date_first end from events e where e.id = merge_reports.event_id), '0000-01-01'),
      window_last = coalesce((select case when e.date_precision is null then null else e.date_last end from events e where e.id = merge_reports.event_id), '9999-12-31')`.execute(db);
  await sql`create table merge_block_names as select block, min(event_id) as component from merge_reports group by block`.execute(db);
  await sql`update merge_reports set component = (select n.component from merge_block_names n where n.block = merge_reports.block)`.execute(db);
  await sql`drop table merge_block_names`.execute(db);
}

/** Cue rows of the reports stored before 0005, a page of reports at a time. */
async function backfillCues(db: Kysely<unknown>): Promise<void> {
  const PAGE = 2000;
  for (let after = 0; ; ) {
    const { rows } = await sql<CueSource>`select event_id, block, cues, window_kind, window_first, window_last from merge_reports
      where event_id > ${after} order by event_id limit ${PAGE}`.execute(db);
    if (rows.length === 0) return;
    const cues = rows.flatMap(cueRowsOf);
    for (let i = 0; i < cues.length; i += 500) {
      const part = cues.slice(i, i + 500).map((c) => sql`(${c.block}, ${c.cue}, ${c.window_kind}, ${c.window_first}, ${c.window_last}, ${c.event_id})`);
      await sql`insert into merge_cues (block, cue, window_kind, window_first, window_last, event_id) values ${sql.join(part)}`.execute(db);
    }
    after = Number(rows[rows.length - 1]?.event_id ?? after);
  }
}

/**
 * Bring the database up to date. On PostgreSQL pass the schema the tables live in: the migrator otherwise takes
 * another schema's bookkeeping tables for its own.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: SqlDialectName, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'rasad_migrations',
    migrationLockTableName: 'rasad_migrations_lock',
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
}
