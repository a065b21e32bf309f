// Reads the YAML tables (pricing/, rules/) from disk for the adapters; the core only ever sees texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type PricingCatalog, type TableText } from '../core/pricing/catalog.js';

/** The package root: the nearest folder above this file holding package.json (works from src/ and dist/src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!statSafe(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('archcalc: cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

function statSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
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
