// Parses, validates and compiles every ruleset once; a bad rule stops loading naming the file, the rule id
// and the path inside it.
import { parseDocument } from 'yaml';
import type { TableText } from '../pricing/catalog.js';
import { toFieldIssues } from '../issue-path.js';
import { compileRuleset, RuleCompileError, type CompiledRuleset } from './compile.js';
import { FACTS } from './facts.js';
import { Ruleset } from './schema.js';

export class RulesetFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`invalid ruleset ${file}:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'RulesetFileError';
  }
}

export interface LoadedRuleset {
  ruleset: Ruleset;
  compiled: CompiledRuleset;
}

/** Names the rule an issue path points into: rules[3].when… → "rule spiky-traffic (rules[3]).when…". */
function withRuleId(data: unknown, issue: { path: string; message: string }) {
  const match = /^rules\[(\d+)\](.*)$/.exec(issue.path);
  // A path into rules[i] means rules is a list with an element i (which may still be null or a scalar).
  const id = match ? (data as { rules: Array<{ id?: unknown } | null> }).rules[Number(match[1])]?.id : undefined;
  return typeof id === 'string' ? { path: `rule ${id} (rules[${match![1]}])${match![2]}`, message: issue.message } : issue;
}

export function loadRuleset(table: TableText): LoadedRuleset {
  const doc = parseDocument(table.text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new RulesetFileError(table.name, doc.errors.map((e) => ({ path: `line ${e.linePos![0].line}`, message: e.message.split('\n', 1)[0]! })));
  const data = doc.toJS({ maxAliasCount: 0 });
  const result = Ruleset.safeParse(data);
  if (!result.success) throw new RulesetFileError(table.name, toFieldIssues(result.error.issues, [], { schema: Ruleset, input: data }).map((issue) => withRuleId(data, issue)));
  const expectedName = table.name.replace(/\.ya?ml$/, '');
  if (result.data.name !== expectedName)
    throw new RulesetFileError(table.name, [{ path: 'name', message: `is "${result.data.name}" but the file is named ${table.name}` }]);
  return compileLoaded(table.name, result.data);
}

/** Compiles a validated ruleset; a rule naming an unknown fact stops loading, naming the file and rule. */
export function compileLoaded(file: string, ruleset: Ruleset): LoadedRuleset {
  try {
    return { ruleset, compiled: compileRuleset(ruleset, FACTS) };
  } catch (error) {
    const e = error as RuleCompileError;
    throw new RulesetFileError(file, [{ path: `rule ${e.ruleId}: ${e.path}`, message: e.reason }]);
  }
}

export function loadRulesets(tables: readonly TableText[]): ReadonlyMap<string, LoadedRuleset> {
  const out = new Map<string, LoadedRuleset>();
  for (const table of tables) {
    const loaded = loadRuleset(table);
    out.set(loaded.ruleset.name, loaded);
  }
  return out;
}
