/* global process */
/**
 * Bench-only preload for our server's child process (started with --expose-gc): SIGUSR2
 * runs a full garbage collection and reports it on stderr, so the harness can read memory
 * after the collector has freed what an unloaded room left behind.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.()
  process.stderr.write('bench-gc-done\n')
})
