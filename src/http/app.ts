// Builds the Fastify app around the loaded tables: zod validates and documents every route.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { PricingCatalog } from '../core/pricing/catalog.js';
import { ENGINE_VERSION } from '../version.js';
import { installErrorHandling } from './error-handler.js';
import { healthRoutes } from './routes/health.js';
import { pricingRoutes } from './routes/pricing.js';
import { problemRoutes } from './routes/problems.js';

export interface AppOptions {
  catalog: PricingCatalog;
  logger?: boolean;
  /** Largest request body accepted, in bytes (SPEC §6: larger is a 413). */
  bodyLimitBytes?: number;
}

export async function buildApp({ catalog, logger = false, bodyLimitBytes = 1_048_576 }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: bodyLimitBytes });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'archcalc',
        version: ENGINE_VERSION,
        description:
          'Serverless, traditional servers or a hybrid — and what each will cost, month by month. ' +
          'Errors are application/problem+json (RFC 9457) naming every invalid field.',
      },
      tags: [
        { name: 'pricing', description: 'Versioned provider pricing tables' },
        { name: 'meta', description: 'Health, documents and problem types' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes(catalog));
  await app.register(pricingRoutes(catalog));
  await app.register(problemRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
