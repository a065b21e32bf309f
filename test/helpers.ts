// Shared test set-up: the committed tables, loaded once per test file, and a fresh app per test.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/http/app.js';
import { loadPricingCatalog, loadRulesetDir, packageRoot } from '../src/files/tables.js';
import type { PricingCatalog } from '../src/core/pricing/catalog.js';
import type { LoadedRuleset } from '../src/core/rules/load.js';

export const PRICING_DIR = join(packageRoot(), 'pricing');
export const RULES_DIR = join(packageRoot(), 'rules');

let catalog: PricingCatalog | undefined;
export function committedCatalog(): PricingCatalog {
  catalog ??= loadPricingCatalog(PRICING_DIR);
  return catalog;
}

let rulesets: ReadonlyMap<string, LoadedRuleset> | undefined;
export function committedRulesets(): ReadonlyMap<string, LoadedRuleset> {
  rulesets ??= loadRulesetDir(RULES_DIR);
  return rulesets;
}

export function defaultRuleset(): LoadedRuleset {
  return committedRulesets().get('default')!;
}

/** A fresh app on the committed tables; closed when the test ends. */
export async function testApp(t: { teardown: (fn: () => unknown) => void }): Promise<FastifyInstance> {
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: () => '2026-11-25' });
  t.teardown(() => app.close());
  return app;
}
