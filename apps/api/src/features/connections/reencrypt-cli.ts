import { tokenEncryptionKeys } from '../../config-connections.ts'
import { ConfigError, loadDatabaseConfig } from '../../config.ts'
import { connectPostgres, openPglite, type DatabaseHandle } from '../../db/database.ts'
import { countStaleConnections } from './repository.ts'
import { reencryptConnectionTokens } from './token-rotation.ts'
import { createTokenVault } from './token-vault.ts'

// `npm run -w @ndith/api tokens:reencrypt [-- --dry-run]`
// After putting a new key first in TOKEN_ENCRYPTION_KEYS (and deploying that everywhere), re-seals
// every connection's tokens with it; once it reports 0 left, older keys can be removed.

const args = new Set(process.argv.slice(2))
const unknownArgs = [...args].filter((a) => a !== '--dry-run')

function fail(message: string): never {
  console.error(`tokens:reencrypt: ${message}`)
  process.exit(1)
}

if (unknownArgs.length) fail(`unknown option ${unknownArgs.join(' ')}; use --dry-run or nothing`)

let handle: DatabaseHandle
let keys
try {
  const config = loadDatabaseConfig()
  keys = tokenEncryptionKeys(process.env, config.databaseUrl === undefined, config.dataDir)
  if (!keys) fail('TOKEN_ENCRYPTION_KEYS is not set. Fix: set it to k2:<new base64 key>,k1:<old base64 key> (new key first), as the API has it.')
  handle = config.databaseUrl ? connectPostgres(config.databaseUrl) : await openPglite(config.dataDir)
} catch (error) {
  if (error instanceof ConfigError) fail(error.message)
  throw error
}

const vault = createTokenVault(keys)
try {
  const stale = await countStaleConnections(handle.db, vault.currentKeyId)
  if (args.has('--dry-run')) {
    console.log(`${stale} connection(s) on ${handle.describe} hold tokens sealed with a key other than ${vault.currentKeyId} (nothing changed).`)
  } else {
    console.log(`Re-sealing ${stale} connection(s) on ${handle.describe} with key ${vault.currentKeyId}…`)
    const result = await reencryptConnectionTokens(handle.db, vault, { onBatch: (rows) => console.log(`  ✓ batch of ${rows}`) })
    const left = await countStaleConnections(handle.db, vault.currentKeyId)
    console.log(`Done: ${result.rows} re-sealed in ${result.batches} batch(es); ${left} left on older keys.`)
    if (result.unreadable.length) {
      const keyIds = [...new Set(result.unreadable.flatMap((u) => u.keyIds))].join(', ')
      fail(`${result.unreadable.length} connection(s) could not be opened (sealed with key(s) ${keyIds}). Fix: add those keys back to TOKEN_ENCRYPTION_KEYS after the current one and run again; if a key is lost, those listeners must reconnect.`)
    }
  }
} finally {
  await handle.db.destroy()
}
