// Reads the YAML tables (pricing/, rules/) from disk for the adapters; the core only ever sees texts.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, indexPricingFiles, type PricingCatalog, type TableText } from '../core/pricing/catalog.js';
import type { PricingFile } from '../core/pricing/schema.js';
import { compileLoaded, loadRulesets, type LoadedRuleset } from '../core/rules/load.js';
import type { Ruleset } from '../core/rules/schema.js';

let rootFromLauncher: string | undefined;

/**
 * The package root: this file sits at <root>/src/files/tables.ts, compiled to <root>/dist/files/tables.js —
 * except in the CLI's start-up snapshot, a bundle that sets the root it was started from.
 */
export function packageRoot(): string {
  return rootFromLauncher ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function setPackageRoot(root: string): void {
  rootFromLauncher = root;
}

/** Every *.yaml / *.yml file under `dir`, sorted by path (by code unit: no locale to load), named relative to `dir` with forward slashes. */
export function readYamlTree(dir: string): TableText[] {
  const out: TableText[] = [];
  const walk = (folder: string): void => {
    const entries = new Map(readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry]));
    for (const entry of [...entries.keys()].sort().map((name) => entries.get(name)!)) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push({ name: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/**
 * The pricing files and rulesets validated at build time (`npm run build` writes them), each file with a
 * digest of the YAML it came from: pricing.json and rules.json, so each loader reads only its own. Parsing
 * and validating the YAML costs a command-line run ~200 ms; this, a few.
 */
export function tablesSnapshotDir(): string {
  return join(packageRoot(), 'dist', 'tables-snapshot');
}

interface Snapshot<T> {
  digest: string;
  tables: T[];
}

/** sha256 over every table's name and text: any edit, added or removed file changes it. */
export function tablesDigest(tables: readonly TableText[]): string {
  const hash = createHash('sha256');
  for (const table of tables) hash.update(`${table.name}\0${table.text}\0`);
  return hash.digest('hex');
}

/** The snapshot's tables when they were taken from tables with `digest`; otherwise (none, unreadable, stale) nothing. */
function snapshotOf<T>(snapshotDir: string, kind: 'pricing' | 'rules', digest: string): T[] | undefined {
  let saved: Snapshot<T>;
  try {
    saved = JSON.parse(readFileSync(join(snapshotDir, `${kind}.json`), 'utf8')) as Snapshot<T>;
  } catch {
    return undefined;
  }
  return saved.digest === digest ? saved.tables : undefined;
}

/**
 * What each loader built last, with the digest of the tables it came from: loading the same tables again
 * returns it. The CLI's start-up snapshot is taken after loading the committed tables, so a run from it
 * only reads and hashes the YAML to know its catalog is still theirs.
 */
const lastLoaded = new Map<'pricing' | 'rules', { digest: string; value: unknown }>();
function loadOnce<T>(kind: 'pricing' | 'rules', tables: readonly TableText[], load: (digest: string) => T): T {
  const digest = tablesDigest(tables);
  const last = lastLoaded.get(kind);
  if (last?.digest === digest) return last.value as T;
  const value = load(digest);
  lastLoaded.set(kind, { digest, value });
  return value;
}

/**
 * The pricing catalog of `dir`. When the snapshot was taken from exactly these files it is used as is;
 * otherwise (edited tables, another directory, no build yet) every file is parsed and validated.
 */
export function loadPricingCatalog(dir: string, snapshotDir = tablesSnapshotDir()): PricingCatalog {
  const tables = readYamlTree(dir);
  return loadOnce('pricing', tables, (digest) => {
    const saved = snapshotOf<PricingFile>(snapshotDir, 'pricing', digest);
    return saved ? indexPricingFiles(saved) : buildCatalog(tables);
  });
}

/** The rulesets of `dir`, compiled; validated from the YAML unless the snapshot was taken from these files. */
export function loadRulesetDir(dir: string, snapshotDir = tablesSnapshotDir()): ReadonlyMap<string, LoadedRuleset> {
  const tables = readYamlTree(dir);
  return loadOnce('rules', tables, (digest) => {
    const saved = snapshotOf<Ruleset>(snapshotDir, 'rules', digest);
    if (!saved) return loadRulesets(tables);
    return new Map(saved.map((ruleset) => [ruleset.name, compileLoaded(`${ruleset.name}.yaml`, ruleset)]));
  });
}

/** Validates pricing/ and rules/ and saves them as the snapshot the loaders can trust. */
export function writeTablesSnapshot(pricingDir: string, rulesDir: string, snapshotDir = tablesSnapshotDir()): void {
  const pricing = readYamlTree(pricingDir);
  const rules = readYamlTree(rulesDir);
  const write = <T>(kind: string, tables: readonly TableText[], saved: T[]) =>
    writeFileSync(join(snapshotDir, `${kind}.json`), JSON.stringify({ digest: tablesDigest(tables), tables: saved } satisfies Snapshot<T>));
  mkdirSync(snapshotDir, { recursive: true });
  write('pricing', pricing, [...buildCatalog(pricing).byProvider.values()].flat());
  write('rules', rules, [...loadRulesets(rules).values()].map((loaded) => loaded.ruleset));
}
