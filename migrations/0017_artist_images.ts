import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Artist pictures come from providers (resolve and library scans) and go straight into an <img>.
// Keep only what the web app's Content-Security-Policy allows and what cannot run script there:
// https links and data: images, of a sane length. Anything else already stored is dropped (the app
// draws a generated avatar instead), so the constraint can hold for every row.
const showable = `image_url IS NULL OR (length(image_url) <= 2048 AND (image_url LIKE 'https://%' OR image_url LIKE 'data:image/%'))`

export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `UPDATE artists SET image_url = NULL WHERE NOT (${showable})`,
    `ALTER TABLE artists ADD CONSTRAINT artists_image_url_showable CHECK (${showable})`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`ALTER TABLE artists DROP CONSTRAINT artists_image_url_showable`])
}
