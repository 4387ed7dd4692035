import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config'

const database = 'postgresql://samskapa@db/samskapa'

describe('settings for several nodes', () => {
  it('need a shared database for Redis fan-out', () => {
    expect(() => readConfig({ REDIS_URL: 'redis://redis:6379' })).toThrow(/set DATABASE_URL too/)
    const config = readConfig({ REDIS_URL: 'redis://redis:6379', DATABASE_URL: database })
    expect(config.redisUrl).toBe('redis://redis:6379')
  })

  it('name the node by host and pid unless NODE_ID says otherwise, and refuse odd names', () => {
    expect(readConfig({}).nodeId).toMatch(new RegExp(`-${process.pid}$`))
    expect(readConfig({ NODE_ID: 'samskapa-2' }).nodeId).toBe('samskapa-2')
    expect(() => readConfig({ NODE_ID: 'two words' })).toThrow(/NODE_ID/)
    expect(() => readConfig({ LEASE_MS: '10' })).toThrow(/LEASE_MS/)
    expect(readConfig({}).leaseMs).toBe(6000)
  })
})
