import { findAccount, removeAccount } from '../server/accounts/removeAccount'
import { SqliteAccountStore } from '../server/accounts/SqliteAccountStore'
import { readConfig } from '../server/config'
import { SqliteStorage } from '../server/storage/SqliteStorage'

const usage = `Usage (with the server's DATA_DIR):
  npm run accounts -- list
  npm run accounts -- remove <e-mail or id> --hand-to <e-mail or id>
  npm run accounts -- remove <e-mail or id> --erase-workshops   (stop the server first)`

const [command, who, option, target] = process.argv.slice(2)
const config = readConfig()
const storage = new SqliteStorage(config.dataDir)
const store = new SqliteAccountStore(config.dataDir)

try {
  if (command === 'list') {
    for (const account of await store.findAccounts('', 10_000)) {
      const scopes = (await store.scopesOf(account.id)).length
      console.log(`${account.id}\t${account.email ?? '-'}\t${account.name}\t${scopes} facilitated`)
    }
  } else if (command === 'remove' && who && option === '--hand-to' && target) {
    const account = await findAccount(store, who)
    const handTo = await findAccount(store, target)
    const result = await removeAccount(store, storage, account, { handTo })
    console.log(`removed ${account.id}; handed over ${result.handedOver} workshops and boards`)
  } else if (command === 'remove' && who && option === '--erase-workshops') {
    const account = await findAccount(store, who)
    const result = await removeAccount(store, storage, account, { eraseWorkshops: true })
    console.log(
      `removed ${account.id}; erased ${result.erasedWorkshops.length} workshops, kept ${result.kept} that others facilitate`,
    )
  } else {
    console.error(usage)
    process.exitCode = 2
  }
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  await store.close()
  await storage.close()
}
