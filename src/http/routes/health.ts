// GET /healthz: the process is up and its tables are loaded.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PricingCatalog } from '../../core/pricing/catalog.js';

export function healthRoutes(catalog: PricingCatalog): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Liveness: the server is up with its pricing tables loaded',
          tags: ['meta'],
          response: { 200: z.object({ status: z.literal('ok'), pricingTables: z.number().int() }) },
        },
      },
      async () => ({
        status: 'ok' as const,
        pricingTables: [...catalog.byProvider.values()].reduce((n, files) => n + files.length, 0),
      }),
    );
  };
}
