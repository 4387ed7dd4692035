import { startServer } from './app'
import { readConfig } from './config'

const server = await startServer(readConfig())

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.log.info({ signal }, 'stopping')
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log.error({ err: error }, 'stop failed')
        process.exit(1)
      },
    )
  })
}
