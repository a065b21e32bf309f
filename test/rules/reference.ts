// A deliberately plain interpreter of rule conditions: walks the YAML tree with a map of facts. The compiled
// ruleset must agree with it on every input (STYLE §5: compiled fast path vs. a tiny reference evaluator).
import type { Condition, Ruleset } from '../../src/core/rules/schema.js';
import type { FactValue } from '../../src/core/rules/facts.js';

function holds(condition: Condition, facts: ReadonlyMap<string, FactValue>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  const actual = facts.get(condition.fact);
  const expected = condition.otherFact !== undefined ? facts.get(condition.otherFact) : condition.value;
  if (actual === null || actual === undefined || expected === null || expected === undefined) return false;
  switch (condition.op) {
    case 'eq': return actual === expected;
    case 'ne': return actual !== expected;
    case 'gt': return (actual as number) > (expected as number);
    case 'gte': return (actual as number) >= (expected as number);
    case 'lt': return (actual as number) < (expected as number);
    case 'lte': return (actual as number) <= (expected as number);
    case 'between': return (actual as number) >= (expected as number[])[0]! && (actual as number) <= (expected as number[])[1]!;
    case 'in': return (expected as unknown[]).includes(actual);
    case 'notIn': return !(expected as unknown[]).includes(actual);
    case 'includes': return (actual as string[]).includes(expected as string);
  }
}

export function referenceRun(ruleset: Ruleset, facts: ReadonlyMap<string, FactValue>) {
  const scores = { serverless: 0, traditional: 0, hybrid: 0 };
  const fired: string[] = [];
  const excluded: string[] = [];
  for (const rule of ruleset.rules) {
    if (!holds(rule.when, facts)) continue;
    fired.push(rule.id);
    if ('exclude' in rule.effect) excluded.push(rule.effect.exclude);
    else for (const [a, p] of Object.entries(rule.effect.score)) scores[a as keyof typeof scores] += p!;
  }
  return { scores, fired, excluded };
}
