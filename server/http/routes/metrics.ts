import type { Route } from '../Route'

export const metricsRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/metrics$/,
    async handle({ res, context }) {
      const body = await context.metrics.registry.metrics()
      res.writeHead(200, { 'Content-Type': context.metrics.registry.contentType })
      res.end(body)
    },
  },
]
