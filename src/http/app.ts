// Builds the Fastify app around the loaded tables: zod validates and documents every route.
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { PricingCatalog } from '../core/pricing/catalog.js';
import { parseDocumentText } from '../core/profile/parse.js';
import type { LoadedRuleset } from '../core/rules/load.js';
import { ENGINE_VERSION } from '../version.js';
import { installErrorHandling, ProblemError } from './error-handler.js';
import type { EvaluationPool } from './evaluation-pool.js';
import { problem } from './problems.js';
import { chartRoutes } from './routes/charts.js';
import { comparisonRoutes } from './routes/comparisons.js';
import { pageRoutes } from './routes/page.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { ruleRoutes } from './routes/rules.js';
import { healthRoutes } from './routes/health.js';
import { pricingRoutes } from './routes/pricing.js';
import { problemRoutes } from './routes/problems.js';

export interface AppOptions {
  catalog: PricingCatalog;
  rulesets: ReadonlyMap<string, LoadedRuleset>;
  /** Today as YYYY-MM-DD, the default pricing date; tests pin it. */
  today?: () => string;
  logger?: boolean;
  /** Largest request body accepted, in bytes (SPEC §6: larger is a 413). */
  bodyLimitBytes?: number;
  /** Worker threads POST /v1/evaluations evaluates in (closed with the app); none: on the event loop. */
  pool?: EvaluationPool;
}

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

export async function buildApp({
  catalog,
  rulesets,
  today = () => new Date().toISOString().slice(0, 10),
  logger = false,
  bodyLimitBytes = 1_048_576,
  pool,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: bodyLimitBytes });
  if (pool) app.addHook('onClose', () => pool.close());
  // JSON with secure-json-parse, as Fastify does, but keeping the reason (a syntax error, or __proto__ /
  // constructor.prototype keys refused) in the problem's detail.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(new ProblemError(problem('malformed-body', 'The JSON body is empty')), undefined);
    try {
      done(null, secureJsonParse.parse(body as string, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      done(new ProblemError(problem('malformed-body', `The body is not valid JSON: ${(error as Error).message}`)), undefined);
    }
  });
  // YAML bodies are parsed with alias and key checks, then validated by the same zod schema as JSON.
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    const parsed = parseDocumentText(body as string);
    if (parsed.ok) done(null, parsed.value);
    else done(new ProblemError(problem('malformed-body', 'The body is not well-formed YAML', { errors: parsed.issues })), undefined);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // An evaluation is ~165 KB of JSON and a batch several MB: a client that asks (curl --compressed, any
  // browser) gets them gzip- or Brotli-compressed, about a tenth of the size, compressed on libuv's threads.
  // Encodings named here rather than the plugin's default, which grows with the node it runs on. Bodies sent
  // compressed (Content-Encoding) are inflated before parsing, and the body limit counts the inflated bytes.
  await app.register(compress, {
    encodings: ['br', 'gzip', 'deflate'],
    requestEncodings: ['br', 'gzip', 'deflate'],
    // Brotli's own default (quality 11) takes ~120 ms on an evaluation; quality 4 ~0.8 ms, faster and smaller than gzip's default.
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT, [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'archcalc',
        version: ENGINE_VERSION,
        description:
          'Serverless, traditional servers or a hybrid — and what each will cost, month by month. ' +
          'Errors are application/problem+json (RFC 9457) naming every invalid field. Answers come compressed (br, gzip or ' +
          'deflate) when Accept-Encoding asks, and bodies may be sent compressed with Content-Encoding.',
      },
      tags: [
        { name: 'evaluations', description: 'Evaluate workload profiles' },
        { name: 'pricing', description: 'Versioned provider pricing tables' },
        { name: 'rules', description: 'The rulesets and the facts they test' },
        { name: 'charts', description: 'Cost against volume, as SVG' },
        { name: 'meta', description: 'Health, documents and problem types' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes(catalog));
  await app.register(pricingRoutes(catalog));
  await app.register(evaluationRoutes({ catalog, rulesets, today, pool }));
  await app.register(comparisonRoutes({ catalog, rulesets, today }));
  await app.register(chartRoutes({ catalog, rulesets, today }));
  await app.register(pageRoutes);
  await app.register(ruleRoutes(rulesets));
  await app.register(problemRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
