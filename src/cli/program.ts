// The archcalc command line: parses arguments, reads the profile, calls the core, formats. No network.
import { Command, CommanderError, Option } from 'commander';
import { readConfig } from '../config.js';
import { evaluate } from '../core/evaluate.js';
import type { FieldIssue } from '../core/issue-path.js';
import { PricingFileError } from '../core/pricing/catalog.js';
import { RulesetFileError } from '../core/rules/load.js';
import { parseDocumentText, validateProfile } from '../core/profile/parse.js';
import { loadPricingCatalog, loadRulesetDir } from '../files/tables.js';
import { ENGINE_VERSION } from '../version.js';
import { formatTable } from './format-table.js';
import { EXIT, type CliIo } from './io.js';

/** Bad input or usage: reported on stderr, exit 2. */
class InputError extends Error {
  constructor(
    readonly source: string,
    readonly issues: FieldIssue[],
  ) {
    super(`invalid profile ${source}:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
  }
}

interface EvaluateOptions {
  format: 'table' | 'json';
  pricingDate?: string;
  providers?: string;
  horizon?: string;
  ruleset: string;
}

async function readSource(file: string, io: CliIo): Promise<string> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new InputError(file, [{ path: '(file)', message: `cannot read: ${(error as Error).message}` }]);
  }
}

/** Command-line flags override the profile's own fields, and are validated with them. */
function applyOverrides(document: unknown, options: EvaluateOptions): unknown {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return document;
  const out: Record<string, unknown> = { ...(document as Record<string, unknown>) };
  if (options.pricingDate !== undefined) out.pricingDate = options.pricingDate;
  if (options.providers !== undefined) out.providers = options.providers.split(',').map((p) => p.trim());
  if (options.horizon !== undefined) out.horizonMonths = /^\d+$/.test(options.horizon) ? Number(options.horizon) : options.horizon;
  return out;
}

async function runEvaluate(file: string, options: EvaluateOptions, io: CliIo): Promise<number> {
  const source = file === '-' ? 'stdin' : file;
  const parsed = parseDocumentText(await readSource(file, io));
  if (!parsed.ok) throw new InputError(source, parsed.issues);
  const checked = validateProfile(applyOverrides(parsed.value, options));
  if (!checked.ok) throw new InputError(source, checked.issues);
  const config = readConfig(io.env);
  const catalog = loadPricingCatalog(config.pricingDir);
  const rulesets = loadRulesetDir(config.rulesDir);
  const ruleset = rulesets.get(options.ruleset);
  if (!ruleset)
    throw new InputError('--ruleset', [{ path: 'ruleset', message: `no ruleset "${options.ruleset}" in ${config.rulesDir}; known: ${[...rulesets.keys()].join(', ')}` }]);
  const result = evaluate(checked.profile, { catalog, ruleset, today: io.today });
  if (!result.ok) throw new InputError(source, result.issues);
  const { evaluation } = result;
  io.stdout(options.format === 'json' ? `${JSON.stringify(evaluation, null, 2)}\n` : formatTable(evaluation, checked.profile.name, checked.profile.horizonMonths));
  return EXIT.ok;
}

export function buildProgram(io: CliIo, exitCode: { value: number }): Command {
  const program = new Command('archcalc')
    .description('Serverless, traditional servers or a hybrid — and what each will cost, month by month.')
    .version(ENGINE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program
    .command('evaluate')
    .description('Evaluate a workload profile (YAML or JSON; "-" reads stdin) and print the verdict and costs')
    .argument('<file>', 'profile file, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--pricing-date <date>', 'prices as of this date (YYYY-MM-DD); overrides the profile')
    .option('--providers <list>', 'comma-separated providers to consider; overrides the profile')
    .option('--horizon <months>', 'months to project; overrides the profile')
    .option('--ruleset <name>', 'ruleset from the rules directory', 'default')
    .action(async (file: string, options: EvaluateOptions) => {
      exitCode.value = await runEvaluate(file, options, io);
    });
  return program;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const exitCode = { value: EXIT.ok as number };
  try {
    await buildProgram(io, exitCode).parseAsync([...argv], { from: 'user' });
    return exitCode.value;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (error instanceof InputError || error instanceof PricingFileError || error instanceof RulesetFileError) {
      io.stderr(`archcalc: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
