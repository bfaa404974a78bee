// Schema changes for the API's reads, registered in migrations.ts (which numbers and runs them, both dialects).
import { sql, type Kysely, type Migration } from 'kysely';

const OLD_CAMEO_INDEXES = ['merged_source_cameo', 'merged_target_cameo'];

/**
 * A dyad's merged history (and queryMergedEvents' dyad filter) matches each actor by id or by CAMEO code, in either
 * direction: eight branches, four of which pair a CAMEO code on one side with an id on the other. The cameo indexes
 * paired code with code, so those four read every merged event of the code (a busy actor's thousands) to check the
 * other side. Same number of indexes, each with the other side's id next and its code after: every branch is a
 * seek, and code with code still scans only its one code.
 */
export const mergedCameoPairIndexes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('merged_source_cameo_pair').on('merged_events').columns(['source_cameo', 'target_id', 'target_cameo']).execute();
    await db.schema.createIndex('merged_target_cameo_pair').on('merged_events').columns(['target_cameo', 'source_id', 'source_cameo']).execute();
    for (const name of OLD_CAMEO_INDEXES) await db.schema.dropIndex(name).ifExists().execute();
    // A bulk ingest killed while it had them dropped (0007) would otherwise build them again.
    await sql`delete from rasad_deferred_indexes where name in (${sql.join(OLD_CAMEO_INDEXES)})`.execute(db);
  },
};
