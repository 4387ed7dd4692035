/** Board ids are URL-safe and short: anything else (path tricks, overlong ids) is a bad request. */
const BOARD_ID = /^[A-Za-z0-9_-]{6,64}$/

export function isValidBoardId(id: string): boolean {
  return BOARD_ID.test(id)
}
