/** `FAULT_FULL=1` runs the long versions: more cases, more crash rounds, more frames. */
export const FAULT_FULL = process.env.FAULT_FULL === '1'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
