/** Message and sub-message numbers of the y-websocket protocol and Hocuspocus's framing. */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const HOCUSPOCUS_SYNC_REPLY = 4
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2
export const AUTH_TOKEN = 0
export const AUTH_AUTHENTICATED = 2
