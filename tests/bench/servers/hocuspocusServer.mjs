// Hocuspocus 3.4.4 with no extensions: documents live in memory only, as in its quick start.
/* global process */
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
})
await server.listen()
