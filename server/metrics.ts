import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The sync server's Prometheus metrics, served at GET /metrics. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
  return {
    registry,
    roomsLoaded: new Gauge({
      name: 'samskapa_rooms_loaded',
      help: 'Boards loaded in memory',
      registers,
    }),
    connections: new Gauge({
      name: 'samskapa_connections',
      help: 'Open sync connections',
      registers,
    }),
    messagesIn: new Counter({
      name: 'samskapa_messages_in_total',
      help: 'Frames received',
      registers,
    }),
    messagesOut: new Counter({
      name: 'samskapa_messages_out_total',
      help: 'Frames sent',
      registers,
    }),
    bytesIn: new Counter({ name: 'samskapa_bytes_in_total', help: 'Bytes received', registers }),
    bytesOut: new Counter({ name: 'samskapa_bytes_out_total', help: 'Bytes sent', registers }),
    applySeconds: new Histogram({
      name: 'samskapa_apply_seconds',
      help: 'Time to check and apply one incoming update',
      buckets: latencyBuckets,
      registers,
    }),
    persistSeconds: new Histogram({
      name: 'samskapa_persist_seconds',
      help: 'Time to store one batch of updates',
      buckets: latencyBuckets,
      registers,
    }),
    closes: new Counter({
      name: 'samskapa_closes_total',
      help: 'Connections closed by the server, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
  }
}

export type SyncMetrics = ReturnType<typeof createMetrics>
