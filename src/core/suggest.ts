// Which name a misspelt one most likely meant ("peakRPS" → "peakRps", "gpc" → "gcp"), and the names a schema
// accepts at a place in a document, so that an error can say "did you mean …?" rather than only "no".
import { distance } from 'fastest-levenshtein';

/**
 * The name of `names` that `typo` most likely meant, letter case aside: a name it begins (of four letters or
 * more: archcalc's names end in their unit, so "horizon" means "horizonMonths"), the shortest first; else the
 * closest in edits, when close enough to be the same word misspelt (at most two edits, or a third of the
 * letters of a long name, and fewer edits than letters). Ties go to the name listed first.
 */
export function closestName(typo: string, names: readonly string[]): string | undefined {
  const lower = typo.toLowerCase();
  if (lower.length >= 4) {
    const extended = names.filter((name) => name.toLowerCase().startsWith(lower));
    if (extended.length > 0) return extended.reduce((a, b) => (b.length < a.length ? b : a));
  }
  let best: string | undefined;
  let bestEdits = Infinity;
  for (const name of names) {
    const edits = distance(lower, name.toLowerCase());
    if (edits < bestEdits) [best, bestEdits] = [name, edits];
  }
  return bestEdits <= Math.max(2, Math.floor(typo.length / 3)) && bestEdits < typo.length ? best : undefined;
}

/** What this module reads of a zod schema: its definition (zod 4's `_zod.def`), wrappers and containers only. */
interface SchemaDef {
  type: string;
  innerType?: SchemaLike;
  in?: SchemaLike;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  options?: readonly SchemaLike[];
}
interface SchemaLike {
  _zod: { def: SchemaDef };
}

const isSchema = (value: unknown): value is SchemaLike =>
  typeof value === 'object' && value !== null && typeof (value as Partial<SchemaLike>)._zod?.def?.type === 'string';

/** The schemas a value at this place may match: wrappers (optional, default, a pipe's input, …) looked through, a union's options each. */
function unwrapped(schema: SchemaLike): SchemaLike[] {
  const def = schema._zod.def;
  if (def.innerType) return unwrapped(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrapped(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrapped);
  return [schema];
}

/** The schemas at `path` inside `schema` (several where a union allows several). */
function schemasAt(schema: SchemaLike, path: ReadonlyArray<PropertyKey>): SchemaLike[] {
  let here = unwrapped(schema);
  for (const segment of path) {
    here = here.flatMap((s) => {
      const def = s._zod.def;
      if (def.type === 'object' && typeof segment === 'string' && def.shape && Object.hasOwn(def.shape, segment)) return unwrapped(def.shape[segment]!);
      if (def.type === 'array' && typeof segment === 'number' && def.element) return unwrapped(def.element);
      return [];
    });
  }
  return here;
}

/** The field names an object at `path` inside `schema` accepts; none where the schema is not a zod schema or holds no object there. */
export function fieldNamesAt(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  if (!isSchema(schema)) return [];
  return [...new Set(schemasAt(schema, path).flatMap((s) => (s._zod.def.type === 'object' && s._zod.def.shape ? Object.keys(s._zod.def.shape) : [])))];
}

/** The value at `path` inside a parsed document, if there is one. */
export function valueAt(document: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let here = document;
  for (const segment of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, segment)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[segment];
  }
  return here;
}
