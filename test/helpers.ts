// Shared test set-up: the committed tables, loaded once per test file, and a fresh app per test.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/http/app.js';
import { loadPricingCatalog, packageRoot } from '../src/files/tables.js';
import type { PricingCatalog } from '../src/core/pricing/catalog.js';

export const PRICING_DIR = join(packageRoot(), 'pricing');

let catalog: PricingCatalog | undefined;
export function committedCatalog(): PricingCatalog {
  catalog ??= loadPricingCatalog(PRICING_DIR);
  return catalog;
}

/** A fresh app on the committed tables; closed when the test ends. */
export async function testApp(t: { teardown: (fn: () => unknown) => void }): Promise<FastifyInstance> {
  const app = await buildApp({ catalog: committedCatalog() });
  t.teardown(() => app.close());
  return app;
}
