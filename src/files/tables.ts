// Reads the YAML tables (pricing/, rules/) from disk for the adapters; the core only ever sees texts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, indexPricingFiles, type PricingCatalog, type TableText } from '../core/pricing/catalog.js';
import type { PricingFile } from '../core/pricing/schema.js';
import { compileLoaded, loadRulesets, type LoadedRuleset } from '../core/rules/load.js';
import type { Ruleset } from '../core/rules/schema.js';

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

/**
 * The pricing files and rulesets validated at build time (`npm run build` writes it), each with a digest of
 * the YAML it came from. Parsing and validating the YAML costs a command-line run ~200 ms; this, ~10 ms.
 */
export const TABLES_SNAPSHOT = join(packageRoot(), 'dist', 'tables-snapshot.json');

interface TablesSnapshot {
  pricing: { digest: string; files: PricingFile[] };
  rules: { digest: string; rulesets: Ruleset[] };
}

/** sha256 over every table's name and text: any edit, added or removed file changes it. */
export function tablesDigest(tables: readonly TableText[]): string {
  const hash = createHash('sha256');
  for (const table of tables) hash.update(`${table.name}\0${table.text}\0`);
  return hash.digest('hex');
}

function readSnapshot(snapshotPath: string): TablesSnapshot | undefined {
  try {
    return JSON.parse(readFileSync(snapshotPath, 'utf8')) as TablesSnapshot;
  } catch {
    return undefined;
  }
}

/**
 * The pricing catalog of `dir`. When the snapshot was taken from exactly these files it is used as is;
 * otherwise (edited tables, another directory, no build yet) every file is parsed and validated.
 */
export function loadPricingCatalog(dir: string, snapshotPath = TABLES_SNAPSHOT): PricingCatalog {
  const tables = readYamlTree(dir);
  const saved = readSnapshot(snapshotPath)?.pricing;
  return saved?.digest === tablesDigest(tables) ? indexPricingFiles(saved.files) : buildCatalog(tables);
}

/** The rulesets of `dir`, compiled; validated from the YAML unless the snapshot was taken from these files. */
export function loadRulesetDir(dir: string, snapshotPath = TABLES_SNAPSHOT): ReadonlyMap<string, LoadedRuleset> {
  const tables = readYamlTree(dir);
  const saved = readSnapshot(snapshotPath)?.rules;
  if (saved?.digest !== tablesDigest(tables)) return loadRulesets(tables);
  return new Map(saved.rulesets.map((ruleset) => [ruleset.name, compileLoaded(`${ruleset.name}.yaml`, ruleset)]));
}

/** Validates pricing/ and rules/ and saves them as the snapshot the loaders can trust. */
export function writeTablesSnapshot(pricingDir: string, rulesDir: string, snapshotPath = TABLES_SNAPSHOT): void {
  const pricing = readYamlTree(pricingDir);
  const rules = readYamlTree(rulesDir);
  const snapshot: TablesSnapshot = {
    pricing: { digest: tablesDigest(pricing), files: [...buildCatalog(pricing).byProvider.values()].flat() },
    rules: { digest: tablesDigest(rules), rulesets: [...loadRulesets(rules).values()].map((loaded) => loaded.ruleset) },
  };
  writeFileSync(snapshotPath, JSON.stringify(snapshot));
}
