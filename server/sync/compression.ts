import type { PerMessageDeflateOptions } from 'ws'

/**
 * permessage-deflate for sync sockets, tuned for a plenary's fan-out. What costs bytes is a
 * board's initial sync (a 2,000-note board is 1.7 MiB, about a sixth of that compressed);
 * what costs CPU is the small cursor and edit messages relayed to 150 peers, so those
 * (under `threshold`) go out as they are. Fastest level, and no context kept between
 * messages, so an idle socket holds no compression window. ws checks `maxPayload` against
 * the inflated size, so a compressed bomb is refused like any oversized message.
 */
export const SYNC_COMPRESSION: PerMessageDeflateOptions = {
  threshold: 1024,
  zlibDeflateOptions: { level: 1 },
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  concurrencyLimit: 4,
}
