// Compiles a ruleset once into plain functions over an array of fact values. A run allocates one trace
// buffer for the whole ruleset and objects only for the rules that fire, whose explanations need them.
import { formatIssuePath } from '../issue-path.js';
import type { FactDefinition, FactType, FactValue } from './facts.js';
import type { ArchitectureName, Comparison, Condition, Effect, Ruleset } from './schema.js';

/** A rule that names an unknown fact or compares it wrongly: the path leads to the condition. */
export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`rule ${ruleId}: ${path}: ${reason}`);
  }
}

/** One comparison as it was evaluated in a run, for the explanation. */
export interface ConditionTrace {
  fact: string;
  op: string;
  expected: unknown;
  actual: FactValue;
  held: boolean;
}

export interface FiredRule {
  id: string;
  effect: Effect;
  because: string;
  source?: string;
  conditions: ConditionTrace[];
}

export interface RulesetOutcome {
  fired: FiredRule[];
  scores: Record<ArchitectureName, number>;
  exclusions: Array<{ architecture: ArchitectureName; ruleId: string; because: string }>;
}

/** What a verdict is decided from: the scores and the exclusions, without the trace that explains them. */
export type RulesetScores = Pick<RulesetOutcome, 'scores' | 'exclusions'>;

type Test = (facts: readonly FactValue[], trace: Uint8Array) => boolean;

interface Leaf {
  comparison: Comparison;
  factIndex: number;
  otherIndex: number;
}

interface CompiledRule {
  id: string;
  effect: Effect;
  because: string;
  source?: string;
  test: Test;
  leaves: readonly number[];
}

export interface CompiledRuleset {
  name: string;
  version: string;
  ruleCount: number;
  run(facts: readonly FactValue[]): RulesetOutcome;
  /** The scores and exclusions alone, no trace kept: for a search that asks for a verdict many times. */
  score(facts: readonly FactValue[]): RulesetScores;
  /** The facts (by index in the catalogue) some rule reads. */
  factsRead: ReadonlySet<number>;
}

const ORDERING = new Set(['gt', 'gte', 'lt', 'lte']);
const NOT_EVALUATED = 2;

function scalarType(value: unknown): FactType | undefined {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return undefined;
}

/** Checks a comparison against the fact catalogue; returns why it is wrong, or undefined. */
function typeProblem(c: Comparison, fact: FactDefinition, other: FactDefinition | undefined): string | undefined {
  const known = (v: unknown) => fact.values === undefined || fact.values.includes(v as string);
  if (other) {
    if (!['eq', 'ne', ...ORDERING].includes(c.op)) return `op ${c.op} cannot compare two facts`;
    if (other.type !== fact.type) return `compares ${fact.name} (${fact.type}) with ${other.name} (${other.type})`;
    if (ORDERING.has(c.op) && fact.type !== 'number') return `op ${c.op} needs number facts`;
    return undefined;
  }
  const value = c.value;
  switch (c.op) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return fact.type === 'number' && typeof value === 'number' ? undefined : `op ${c.op} needs a number fact and a number value`;
    case 'between':
      return fact.type === 'number' && Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number') && (value[0] as number) <= (value[1] as number)
        ? undefined
        : 'between needs a number fact and a value [low, high] with low ≤ high';
    case 'eq':
    case 'ne':
      if (scalarType(value) !== fact.type) return `${fact.name} is a ${fact.type}; the value ${JSON.stringify(value)} is not`;
      return known(value) ? undefined : `${fact.name} is never ${JSON.stringify(value)}; it is one of ${fact.values!.join(', ')}`;
    case 'in':
    case 'notIn':
      if (!Array.isArray(value) || !value.every((v) => scalarType(v) === fact.type)) return `${c.op} needs a list of ${fact.type} values`;
      return value.every(known) ? undefined : `${fact.name} is one of ${fact.values!.join(', ')}`;
    case 'includes':
      return fact.type === 'string[]' && typeof value === 'string' ? undefined : 'includes needs a list fact and a string value';
  }
}

/** A comparison as a closure; null facts (not applicable) make every comparison false. */
function compileComparison(leaf: Leaf, slot: number): Test {
  const { comparison: c, factIndex: i, otherIndex: j } = leaf;
  const record = (trace: Uint8Array, held: boolean) => {
    trace[slot] = held ? 1 : 0;
    return held;
  };
  if (j >= 0) {
    const compare = {
      eq: (a: FactValue, b: FactValue) => a === b,
      ne: (a: FactValue, b: FactValue) => a !== b,
      gt: (a: FactValue, b: FactValue) => (a as number) > (b as number),
      gte: (a: FactValue, b: FactValue) => (a as number) >= (b as number),
      lt: (a: FactValue, b: FactValue) => (a as number) < (b as number),
      lte: (a: FactValue, b: FactValue) => (a as number) <= (b as number),
    }[c.op as 'eq']!;
    return (facts, trace) => record(trace, facts[i] !== null && facts[j] !== null && compare(facts[i]!, facts[j]!));
  }
  const v = c.value;
  switch (c.op) {
    case 'eq':
      return (facts, trace) => record(trace, facts[i] !== null && facts[i] === v);
    case 'ne':
      return (facts, trace) => record(trace, facts[i] !== null && facts[i] !== v);
    case 'gt':
      return (facts, trace) => record(trace, facts[i] !== null && (facts[i] as number) > (v as number));
    case 'gte':
      return (facts, trace) => record(trace, facts[i] !== null && (facts[i] as number) >= (v as number));
    case 'lt':
      return (facts, trace) => record(trace, facts[i] !== null && (facts[i] as number) < (v as number));
    case 'lte':
      return (facts, trace) => record(trace, facts[i] !== null && (facts[i] as number) <= (v as number));
    case 'between': {
      const [low, high] = v as [number, number];
      return (facts, trace) => record(trace, facts[i] !== null && (facts[i] as number) >= low && (facts[i] as number) <= high);
    }
    case 'in': {
      const set = new Set(v as unknown[]);
      return (facts, trace) => record(trace, facts[i] !== null && set.has(facts[i]));
    }
    case 'notIn': {
      const set = new Set(v as unknown[]);
      return (facts, trace) => record(trace, facts[i] !== null && !set.has(facts[i]));
    }
    case 'includes':
      return (facts, trace) => record(trace, facts[i] !== null && (facts[i] as readonly string[]).includes(v as string));
  }
}

export function compileRuleset(ruleset: Ruleset, catalogue: readonly FactDefinition[]): CompiledRuleset {
  const index = new Map(catalogue.map((f, i) => [f.name, i]));
  const leaves: Leaf[] = [];

  const compile = (ruleId: string, condition: Condition, path: Array<string | number>, slots: number[]): Test => {
    if ('all' in condition) {
      const parts = condition.all.map((c, k) => compile(ruleId, c, [...path, 'all', k], slots));
      return (facts, trace) => parts.every((part) => part(facts, trace));
    }
    if ('any' in condition) {
      const parts = condition.any.map((c, k) => compile(ruleId, c, [...path, 'any', k], slots));
      return (facts, trace) => parts.some((part) => part(facts, trace));
    }
    if ('not' in condition) {
      const inner = compile(ruleId, condition.not, [...path, 'not'], slots);
      return (facts, trace) => !inner(facts, trace);
    }
    const factIndex = index.get(condition.fact);
    if (factIndex === undefined)
      throw new RuleCompileError(ruleId, formatIssuePath([...path, 'fact']), `unknown fact "${condition.fact}" (GET /v1/facts lists them)`);
    const otherIndex = condition.otherFact === undefined ? -1 : index.get(condition.otherFact);
    if (otherIndex === undefined)
      throw new RuleCompileError(ruleId, formatIssuePath([...path, 'otherFact']), `unknown fact "${condition.otherFact}"`);
    const problem = typeProblem(condition, catalogue[factIndex]!, otherIndex >= 0 ? catalogue[otherIndex] : undefined);
    if (problem) throw new RuleCompileError(ruleId, formatIssuePath(path), problem);
    const slot = leaves.push({ comparison: condition, factIndex, otherIndex }) - 1;
    slots.push(slot);
    return compileComparison(leaves[slot]!, slot);
  };

  const rules: CompiledRule[] = ruleset.rules.map((rule) => {
    const slots: number[] = [];
    const test = compile(rule.id, rule.when, ['when'], slots);
    return { id: rule.id, effect: rule.effect, because: rule.because, source: rule.source, test, leaves: slots };
  });

  /** A fired rule's effect, onto the scores and exclusions. */
  const apply = (rule: CompiledRule, { scores, exclusions }: RulesetScores) => {
    const effect = rule.effect;
    if ('exclude' in effect) exclusions.push({ architecture: effect.exclude, ruleId: rule.id, because: rule.because });
    else for (const [architecture, points] of Object.entries(effect.score)) scores[architecture as ArchitectureName] += points!;
  };
  // The comparisons record what held into a trace; score() has no reader for it, so one scratch trace serves.
  const scratch = new Uint8Array(leaves.length);
  return {
    name: ruleset.name,
    version: ruleset.version,
    ruleCount: rules.length,
    factsRead: new Set(leaves.flatMap((leaf) => (leaf.otherIndex >= 0 ? [leaf.factIndex, leaf.otherIndex] : [leaf.factIndex]))),
    score(facts) {
      const outcome: RulesetScores = { scores: { serverless: 0, traditional: 0, hybrid: 0 }, exclusions: [] };
      for (const rule of rules) if (rule.test(facts, scratch)) apply(rule, outcome);
      return outcome;
    },
    run(facts) {
      const trace = new Uint8Array(leaves.length).fill(NOT_EVALUATED);
      const scores = { serverless: 0, traditional: 0, hybrid: 0 };
      const fired: FiredRule[] = [];
      const exclusions: RulesetOutcome['exclusions'] = [];
      for (const rule of rules) {
        if (!rule.test(facts, trace)) continue;
        apply(rule, { scores, exclusions });
        const effect = rule.effect;
        fired.push({
          id: rule.id,
          effect,
          because: rule.because,
          ...(rule.source ? { source: rule.source } : {}),
          conditions: rule.leaves
            .filter((slot) => trace[slot] !== NOT_EVALUATED)
            .map((slot) => {
              const leaf = leaves[slot]!;
              const c = leaf.comparison;
              return {
                fact: c.fact,
                op: c.op,
                expected: c.otherFact !== undefined ? { fact: c.otherFact, value: facts[leaf.otherIndex] } : c.value,
                actual: facts[leaf.factIndex]!,
                held: trace[slot] === 1,
              };
            }),
        });
      }
      return { fired, scores, exclusions };
    },
  };
}
