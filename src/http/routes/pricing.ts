// GET /v1/pricing, /v1/pricing/{provider}, /v1/pricing/{provider}/{date}: the versioned tables, as loaded.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pricingInForce, type PricingCatalog } from '../../core/pricing/catalog.js';
import { PricingFile, Provider } from '../../core/pricing/schema.js';
import { ProblemError } from '../error-handler.js';
import { Problem, problem } from '../problems.js';

const VersionSummary = z.object({
  effectiveDate: z.string(),
  region: PricingFile.shape.region,
  regionName: PricingFile.shape.regionName,
  location: PricingFile.shape.location,
  changes: z.array(z.string()).describe('What changed against the previous version'),
  services: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), architecture: z.string() })),
  href: z.string().describe('The full table'),
});

const ProviderVersions = z.object({ provider: Provider, versions: z.array(VersionSummary).describe('Oldest first') });

const ProviderParams = z.object({ provider: z.string().describe(`One of ${Provider.options.join(', ')}`) });

function versionsOf(catalog: PricingCatalog, provider: string) {
  const parsed = Provider.safeParse(provider);
  const files = parsed.success ? catalog.byProvider.get(parsed.data) : undefined;
  if (!parsed.success || !files)
    throw new ProblemError(
      problem('unknown-provider', `No pricing tables for "${provider}"; known providers: ${[...catalog.byProvider.keys()].join(', ')}`),
    );
  return { provider: parsed.data, files };
}

export function pricingRoutes(catalog: PricingCatalog): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/pricing',
      {
        schema: {
          summary: 'Every provider and the effective dates of its pricing tables',
          tags: ['pricing'],
          response: {
            200: z.object({
              providers: z.array(
                z.object({ provider: Provider, effectiveDates: z.array(z.string()).describe('Oldest first'), href: z.string() }),
              ),
            }),
          },
        },
      },
      async () => ({
        providers: [...catalog.byProvider].map(([provider, files]) => ({
          provider,
          effectiveDates: files.map((f) => f.effectiveDate),
          href: `/v1/pricing/${provider}`,
        })),
      }),
    );

    app.get(
      '/v1/pricing/:provider',
      {
        schema: {
          summary: "A provider's pricing versions, with what changed on each date",
          tags: ['pricing'],
          params: ProviderParams,
          response: { 200: ProviderVersions, 404: Problem },
        },
      },
      async (request) => {
        const { provider, files } = versionsOf(catalog, request.params.provider);
        return {
          provider,
          versions: files.map((f) => ({
            effectiveDate: f.effectiveDate,
            region: f.region,
            regionName: f.regionName,
            location: f.location,
            changes: f.changes,
            services: f.services.map(({ id, name, kind, architecture }) => ({ id, name, kind, architecture })),
            href: `/v1/pricing/${provider}/${f.effectiveDate}`,
          })),
        };
      },
    );

    app.get(
      '/v1/pricing/:provider/:date',
      {
        schema: {
          summary: 'The pricing table in force on a date (the newest one dated on or before it)',
          tags: ['pricing'],
          params: ProviderParams.extend({ date: z.iso.date().describe('YYYY-MM-DD') }),
          response: { 200: PricingFile, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        const { provider, files } = versionsOf(catalog, request.params.provider);
        const file = pricingInForce(catalog, provider, request.params.date);
        if (!file)
          throw new ProblemError(
            problem(
              'no-pricing-for-date',
              `${provider} has no prices in force on ${request.params.date}; its first table is dated ${files[0]?.effectiveDate}`,
            ),
          );
        return file;
      },
    );
  };
}
