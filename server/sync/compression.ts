import type { PerMessageDeflateOptions } from 'ws'

/**
 * permessage-deflate for sync sockets, tuned for a plenary's fan-out. What costs bytes is a
 * board's initial sync (a 2,000-note board is 1.7 MiB, about a sixth of that compressed);
 * what costs CPU is the cursor and edit messages relayed to 150 peers, so those go out as
 * they are: a plenary's batched presence is a few KiB (150 cursors), and compressing it once
 * per socket 25 times a second saturated the server in the bench (1.45× CPU with a 1 KiB
 * threshold, 0.98× with 16 KiB), while the initial sync stays far above the threshold. Fastest level, and no context kept between
 * messages, so an idle socket holds no compression window. ws checks `maxPayload` against
 * the inflated size, so a compressed bomb is refused like any oversized message.
 */
export const SYNC_COMPRESSION: PerMessageDeflateOptions = {
  threshold: 16 * 1024,
  zlibDeflateOptions: { level: 1 },
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  concurrencyLimit: 4,
}
