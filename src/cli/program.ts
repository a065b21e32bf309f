// The archcalc command line: parses arguments, reads profiles, calls the core, formats. No network.
import { Command, CommanderError, Option } from 'commander';
import { readConfig } from '../config.js';
import { priceChanges } from '../core/compare.js';
import { evaluate } from '../core/evaluate.js';
import type { Evaluation } from '../core/evaluation/schema.js';
import type { FieldIssue } from '../core/issue-path.js';
import { PricingFileError, pricingInForce, type PricingCatalog } from '../core/pricing/catalog.js';
import type { Provider } from '../core/pricing/schema.js';
import { profileChartSvg } from '../render/profile-chart.js';
import { parseDocumentText, validateProfile } from '../core/profile/parse.js';
import type { WorkloadProfile } from '../core/profile/schema.js';
import { RulesetFileError, type LoadedRuleset } from '../core/rules/load.js';
import { loadPricingCatalog, loadRulesetDir } from '../files/tables.js';
import { ENGINE_VERSION } from '../version.js';
import { baselineEntry, BaselineFile, runChecks, type FileReport, type TableChanges } from './checks.js';
import { formatCheckMarkdown, formatEvaluationMarkdown, issuesLine, type BadInput } from './format-markdown.js';
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

interface ProfileOptions {
  pricingDate?: string;
  providers?: string;
  horizon?: string;
  ruleset: string;
}

interface Engine {
  catalog: PricingCatalog;
  ruleset: LoadedRuleset;
}

function loadEngine(io: CliIo, rulesetName: string): Engine {
  const config = readConfig(io.env);
  const catalog = loadPricingCatalog(config.pricingDir);
  const rulesets = loadRulesetDir(config.rulesDir);
  const ruleset = rulesets.get(rulesetName);
  if (!ruleset)
    throw new InputError('--ruleset', [{ path: 'ruleset', message: `no ruleset "${rulesetName}" in ${config.rulesDir}; known: ${[...rulesets.keys()].join(', ')}` }]);
  return { catalog, ruleset };
}

async function readSource(file: string, io: CliIo): Promise<string> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new InputError(file, [{ path: '(file)', message: `cannot read: ${(error as Error).message}` }]);
  }
}

/** Command-line flags override the profile's own fields, and are validated with them. */
function applyOverrides(document: unknown, options: ProfileOptions): unknown {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return document;
  const out: Record<string, unknown> = { ...(document as Record<string, unknown>) };
  if (options.pricingDate !== undefined) out.pricingDate = options.pricingDate;
  if (options.providers !== undefined) out.providers = options.providers.split(',').map((p) => p.trim());
  if (options.horizon !== undefined) out.horizonMonths = /^\d+$/.test(options.horizon) ? Number(options.horizon) : options.horizon;
  return out;
}

/**
 * One profile file evaluated. Only `evaluate` prints tipping points: `check` and `chart` leave out their
 * searches, the slowest part of an evaluation (tens of judgements of the profile each).
 */
async function evaluateFile(
  file: string,
  options: ProfileOptions,
  engine: Engine,
  io: CliIo,
  tippingPoints = false,
): Promise<{ profile: WorkloadProfile; evaluation: Evaluation }> {
  const source = file === '-' ? 'stdin' : file;
  const parsed = parseDocumentText(await readSource(file, io));
  if (!parsed.ok) throw new InputError(source, parsed.issues);
  const checked = validateProfile(applyOverrides(parsed.value, options));
  if (!checked.ok) throw new InputError(source, checked.issues);
  const result = evaluate(checked.profile, { ...engine, today: io.today, tippingPoints });
  if (!result.ok) throw new InputError(source, result.issues);
  return { profile: checked.profile, evaluation: result.evaluation };
}

async function runChart(file: string, options: ProfileOptions & { output?: string }, io: CliIo): Promise<number> {
  const engine = loadEngine(io, options.ruleset);
  const { profile, evaluation } = await evaluateFile(file, options, engine, io);
  const files = evaluation.provenance.pricing.map((p) => pricingInForce(engine.catalog, p.provider as Provider, evaluation.provenance.pricingDate)!);
  const svg = profileChartSvg(files, profile);
  if (options.output) await io.writeFile(options.output, svg);
  else io.stdout(svg);
  return EXIT.ok;
}

async function runEvaluate(file: string, options: ProfileOptions & { format: string }, io: CliIo): Promise<number> {
  const { profile, evaluation } = await evaluateFile(file, options, loadEngine(io, options.ruleset), io, true);
  if (options.format === 'json') io.stdout(`${JSON.stringify(evaluation, null, 2)}\n`);
  else if (options.format === 'markdown') io.stdout(formatEvaluationMarkdown(evaluation, profile.name, profile.horizonMonths));
  else io.stdout(formatTable(evaluation, profile.name, profile.horizonMonths));
  return EXIT.ok;
}

interface CheckOptions extends ProfileOptions {
  format: string;
  baseline: string;
  writeBaseline?: boolean;
}

async function readBaseline(path: string, io: CliIo): Promise<BaselineFile | undefined> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch {
    return undefined; // No baseline yet: nothing to compare against.
  }
  const parsed = parseDocumentText(text);
  const checked = parsed.ok ? BaselineFile.safeParse(parsed.value) : undefined;
  if (!checked?.success) throw new InputError(path, [{ path: '(baseline)', message: 'not an archcalc baseline file; rewrite it with --write-baseline' }]);
  return checked.data;
}

async function runCheck(files: string[], options: CheckOptions, io: CliIo): Promise<number> {
  const engine = loadEngine(io, options.ruleset);
  const baseline = options.writeBaseline ? undefined : await readBaseline(options.baseline, io);
  const reports: FileReport[] = [];
  const bad: BadInput[] = [];
  const tableChanges: TableChanges = (provider, from, to) => priceChanges(engine.catalog, [provider as Provider], from, to);
  for (const file of files) {
    try {
      const { profile, evaluation } = await evaluateFile(file, options, engine, io);
      reports.push({ file, name: profile.name, evaluation, checks: runChecks(profile, evaluation, baseline?.profiles[file], tableChanges) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      bad.push({ file, issues: error.issues });
      io.stderr(`archcalc: ${error.message}\n`);
    }
  }
  if (options.writeBaseline && bad.length === 0) {
    const file: BaselineFile = { archcalcBaseline: 1, profiles: Object.fromEntries(reports.map((r) => [r.file, baselineEntry(r.evaluation)])) };
    await io.writeFile(options.baseline, `${JSON.stringify(file, null, 2)}\n`);
    io.stderr(`archcalc: wrote the baseline of ${reports.length} profile${reports.length === 1 ? '' : 's'} to ${options.baseline}\n`);
  }
  const markdown = formatCheckMarkdown(reports, bad);
  if (options.format === 'json')
    io.stdout(`${JSON.stringify({ reports: reports.map(({ file, name, checks, evaluation }) => ({ file, name, recommendation: evaluation.recommendation, checks })), bad: bad.map(({ file, issues }) => ({ file, message: issuesLine(issues), issues })) }, null, 2)}\n`);
  else io.stdout(markdown);
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary) await io.appendFile(summary, `${markdown}\n`);
  if (bad.length > 0) return EXIT.badInput;
  return reports.some((r) => r.checks.some((c) => !c.ok)) ? EXIT.checkFailed : EXIT.ok;
}

function profileOptions(command: Command): Command {
  return command
    .option('--pricing-date <date>', 'prices as of this date (YYYY-MM-DD); overrides the profile')
    .option('--providers <list>', 'comma-separated providers to consider; overrides the profile')
    .option('--horizon <months>', 'months to project; overrides the profile')
    .option('--ruleset <name>', 'ruleset from the rules directory', 'default');
}

export function buildProgram(io: CliIo, exitCode: { value: number }): Command {
  const program = new Command('archcalc')
    .description('Serverless, traditional servers or a hybrid — and what each will cost, month by month.')
    .version(ENGINE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  profileOptions(
    program
      .command('evaluate')
      .description('Evaluate a workload profile (YAML or JSON; "-" reads stdin) and print the verdict and costs')
      .argument('<file>', 'profile file, or - for stdin')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table')),
  ).action(async (file: string, options: ProfileOptions & { format: string }) => {
    exitCode.value = await runEvaluate(file, options, io);
  });
  profileOptions(
    program
      .command('check')
      .description("Hold each profile to its expect block and the saved baseline; exit 0 all hold, 1 a check failed, 2 bad input")
      .argument('<files...>', 'profile files')
      .addOption(new Option('-f, --format <format>', 'report format').choices(['markdown', 'json']).default('markdown'))
      .option('--baseline <file>', 'baseline to compare verdicts with', '.archcalc-baseline.json')
      .option('--write-baseline', 'record the current verdicts as the baseline instead of comparing'),
  ).action(async (files: string[], options: CheckOptions) => {
    exitCode.value = await runCheck(files, options, io);
  });
  profileOptions(
    program
      .command('chart')
      .description('Draw the cost-against-volume chart of a profile as SVG (break-even and the profile marked)')
      .argument('<file>', 'profile file, or - for stdin')
      .option('-o, --output <file>', 'write the SVG to this file instead of stdout'),
  ).action(async (file: string, options: ProfileOptions & { output?: string }) => {
    exitCode.value = await runChart(file, options, io);
  });
  program
    .command('serve')
    .description('Start the HTTP API (PORT, HOST, ARCHCALC_PRICING_DIR, ARCHCALC_RULES_DIR from the environment)')
    .action(async () => {
      await io.serve(io.env);
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
