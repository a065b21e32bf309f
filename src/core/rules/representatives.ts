// Values of a fact that between them meet every way a ruleset can judge it, so that a caller can learn
// whether a verdict depends on a costly fact without computing it: run the rules at each and compare.
import type { FactValue } from './facts.js';
import type { Condition, Ruleset } from './schema.js';

/**
 * Null, each number `fact` is compared with, one value between each two neighbours and one past either end:
 * comparisons with numbers (eq ne gt gte lt lte in notIn between) judge every other value as they judge one
 * of these. Undefined when a comparison could judge it some other way (with another fact, a string, by
 * `includes`); [null] when no rule reads it.
 */
export function representativeValues(ruleset: Ruleset, fact: string): FactValue[] | undefined {
  const { constants, otherwise } = comparisonsOf(ruleset, fact);
  if (otherwise) return undefined;
  const sorted = [...new Set(constants)].sort((a, b) => a - b);
  const values: FactValue[] = [null];
  if (sorted.length > 0) values.push(sorted[0]! - 1);
  sorted.forEach((value, i) => values.push(value, i + 1 < sorted.length ? (value + sorted[i + 1]!) / 2 : value + 1));
  return values;
}

/** The numbers `fact` is compared with, ascending and each once: where a rule can start or stop firing as it moves. */
export function thresholdsOf(ruleset: Ruleset, fact: string): number[] {
  return [...new Set(comparisonsOf(ruleset, fact).constants)].sort((a, b) => a - b);
}

/** The numbers a ruleset compares `fact` with, and whether it also judges it some other way. */
function comparisonsOf(ruleset: Ruleset, fact: string): { constants: number[]; otherwise: boolean } {
  const constants: number[] = [];
  let otherwise = false;
  const visit = (condition: Condition): void => {
    if ('all' in condition) condition.all.forEach(visit);
    else if ('any' in condition) condition.any.forEach(visit);
    else if ('not' in condition) visit(condition.not);
    else if (condition.fact === fact || condition.otherFact === fact) {
      if (condition.otherFact !== undefined || condition.op === 'includes') otherwise = true;
      else
        for (const value of [condition.value].flat()) {
          if (typeof value === 'number') constants.push(value);
          else otherwise = true;
        }
    }
  };
  for (const rule of ruleset.rules) visit(rule.when);
  return { constants, otherwise };
}
