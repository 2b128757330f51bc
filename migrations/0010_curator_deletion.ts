import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// A curator's account can be deleted: their published versions stay exactly as published, and the
// only change the database allows to one is forgetting who published it (published_by → NULL, what
// the foreign key's ON DELETE SET NULL does). Every other update is still refused.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE FUNCTION forbid_published_version_update_but_unlinking() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.published_by IS NULL AND to_jsonb(NEW) - 'published_by' = to_jsonb(OLD) - 'published_by' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'published community list versions are immutable' USING ERRCODE = 'restrict_violation';
      END $$`,
    `DROP TRIGGER community_list_versions_immutable ON community_list_versions`,
    `CREATE TRIGGER community_list_versions_immutable BEFORE UPDATE ON community_list_versions
      FOR EACH ROW EXECUTE FUNCTION forbid_published_version_update_but_unlinking()`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `DROP TRIGGER community_list_versions_immutable ON community_list_versions`,
    `CREATE TRIGGER community_list_versions_immutable BEFORE UPDATE ON community_list_versions
      FOR EACH ROW EXECUTE FUNCTION forbid_published_version_update()`,
    `DROP FUNCTION forbid_published_version_update_but_unlinking()`,
  ])
}
