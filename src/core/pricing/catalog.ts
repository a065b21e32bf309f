// Parses, validates and indexes every pricing file once; answers "which prices were in force on date D".
// Pure: it is handed file names and texts, it never reads the disk.
import { parseDocument } from 'yaml';
import { toFieldIssues } from '../issue-path.js';
import { PricingFile, Provider } from './schema.js';

export interface TableText {
  /** Path relative to the pricing directory, e.g. "aws/2024-02-01.yaml"; used to name the file in errors. */
  name: string;
  text: string;
}

/** A pricing file that cannot be used; the message names the file and the place inside it. */
export class PricingFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`invalid pricing file ${file}:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PricingFileError';
  }
}

export interface PricingCatalog {
  /** Per provider, its files oldest first. */
  readonly byProvider: ReadonlyMap<Provider, readonly PricingFile[]>;
}

const FILE_NAME = /^([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\.ya?ml$/;

/** Parses one file's YAML and validates it; throws PricingFileError naming the file and path. */
export function parsePricingFile(table: TableText): PricingFile {
  const nameMatch = FILE_NAME.exec(table.name);
  if (!nameMatch) throw new PricingFileError(table.name, [{ path: '(file name)', message: 'must be <provider>/<YYYY-MM-DD>.yaml' }]);
  // Pricing files are ours and small: no aliases are needed, so none are allowed.
  const doc = parseDocument(table.text, { prettyErrors: true });
  if (doc.errors.length > 0)
    throw new PricingFileError(
      table.name,
      // prettyErrors gives every parse error a line position and a first line that names the fault.
      doc.errors.map((e) => ({ path: `line ${e.linePos![0].line}`, message: e.message.split('\n', 1)[0]! })),
    );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    throw new PricingFileError(table.name, [{ path: '(yaml)', message: (error as Error).message }]);
  }
  const result = PricingFile.safeParse(data);
  if (!result.success) throw new PricingFileError(table.name, toFieldIssues(result.error.issues, [], { schema: PricingFile, input: data }));
  const file = result.data;
  const [, folder, date] = nameMatch;
  if (file.provider !== folder)
    throw new PricingFileError(table.name, [{ path: 'provider', message: `is "${file.provider}" but the file sits in ${folder}/` }]);
  if (file.effectiveDate !== date)
    throw new PricingFileError(table.name, [{ path: 'effectiveDate', message: `is ${file.effectiveDate} but the file is named ${date}` }]);
  return file;
}

export function buildCatalog(tables: readonly TableText[]): PricingCatalog {
  return indexPricingFiles(tables.map(parsePricingFile));
}

/** Files already parsed and validated, indexed by provider, oldest first. */
export function indexPricingFiles(files: readonly PricingFile[]): PricingCatalog {
  const byProvider = new Map<Provider, PricingFile[]>();
  for (const file of files) {
    const list = byProvider.get(file.provider) ?? [];
    list.push(file);
    byProvider.set(file.provider, list);
  }
  for (const list of byProvider.values()) list.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  return { byProvider };
}

/** The newest file of `provider` dated on or before `date` (YYYY-MM-DD), if any. */
export function pricingInForce(catalog: PricingCatalog, provider: Provider, date: string): PricingFile | undefined {
  const files = catalog.byProvider.get(provider) ?? [];
  let found: PricingFile | undefined;
  for (const file of files) {
    if (file.effectiveDate > date) break;
    found = file;
  }
  return found;
}

/** The files in force on `date` for each of `providers` that had prices then. */
export function selectPricing(catalog: PricingCatalog, date: string, providers: readonly Provider[] = Provider.options): PricingFile[] {
  return providers.flatMap((provider) => {
    const file = pricingInForce(catalog, provider, date);
    return file ? [file] : [];
  });
}

/**
 * The providers among `providers` with no table in force on `date`, each with the date its first table takes
 * effect (null when it has none at all): an evaluation says it left them out.
 */
export function providersWithoutPricing(catalog: PricingCatalog, date: string, providers: readonly Provider[]): Array<{ provider: Provider; firstTable: string | null }> {
  return providers
    .filter((provider) => pricingInForce(catalog, provider, date) === undefined)
    .map((provider) => ({ provider, firstTable: catalog.byProvider.get(provider)?.[0]?.effectiveDate ?? null }));
}
