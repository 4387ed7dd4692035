// A worker thread does not inherit the tsx loader of the server's thread; register it here,
// then run the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./planWorker.ts')
