// Reads the YAML tables (pricing/, rules/) from disk for the adapters; the core only ever sees texts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type PricingCatalog, type TableText } from '../core/pricing/catalog.js';
import { loadRulesets, type LoadedRuleset } from '../core/rules/load.js';

/** The package root: this file sits at <root>/src/files/tables.ts, compiled to <root>/dist/files/tables.js. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Every *.yaml / *.yml file under `dir`, sorted by path, named relative to `dir` with forward slashes. */
export function readYamlTree(dir: string): TableText[] {
  const out: TableText[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push({ name: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

export function loadPricingCatalog(dir: string): PricingCatalog {
  return buildCatalog(readYamlTree(dir));
}

export function loadRulesetDir(dir: string): ReadonlyMap<string, LoadedRuleset> {
  return loadRulesets(readYamlTree(dir));
}
