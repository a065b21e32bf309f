// Representative values of a fact: every way a ruleset's comparisons can judge the fact is met by one of
// them, so that a verdict the same at all of them is the same whatever the fact's value. Checked against the
// compiled rules themselves, at many values in between.
import t from 'tap';
import { compileRuleset } from '../../src/core/rules/compile.js';
import { FACTS, FACT_INDEX } from '../../src/core/rules/facts.js';
import { representativeValues, thresholdsOf } from '../../src/core/rules/representatives.js';
import { Ruleset } from '../../src/core/rules/schema.js';
import { defaultRuleset } from '../helpers.js';

const rule = (id: string, when: unknown) => ({ id, when, effect: { score: { traditional: 1 } }, because: 'a reason a person can read' });
const ruleset = Ruleset.parse({
  name: 'probe',
  version: '1',
  rules: [
    rule('past', { fact: 'volumeToBreakEvenRatio', op: 'gte', value: 1 }),
    rule('near', { all: [{ fact: 'volumeToBreakEvenRatio', op: 'between', value: [0.5, 0.8] }, { not: { fact: 'volumeToBreakEvenRatio', op: 'eq', value: 0.6 } }] }),
    rule('listed', { any: [{ fact: 'volumeToBreakEvenRatio', op: 'in', value: [3, 7] }] }),
  ],
});

t.test('null, each constant, the values between and past them', async (t) => {
  t.same(representativeValues(ruleset, 'volumeToBreakEvenRatio'), [null, -0.5, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 5, 7, 8]);
  t.same(representativeValues(ruleset, 'breakEvenMonthlyRequests'), [null], 'a fact no rule reads: any one value');
});

t.test('the thresholds: each number the fact is compared with, once, ascending', async (t) => {
  t.same(thresholdsOf(ruleset, 'volumeToBreakEvenRatio'), [0.5, 0.6, 0.8, 1, 3, 7]);
  t.same(thresholdsOf(ruleset, 'peakToAverageRatio'), [], 'no rule reads it');
  t.same(thresholdsOf(defaultRuleset().ruleset, 'peakToAverageRatio'), [1.5, 2, 3, 5], "where the default ruleset's traffic shape rules turn");
});

t.test('every value the fact can take fires the rules one of the representatives fires', async (t) => {
  const compiled = compileRuleset(ruleset, FACTS);
  const index = FACT_INDEX.get('volumeToBreakEvenRatio')!;
  const fired = (value: number | null) => {
    const facts = FACTS.map(() => null as unknown);
    facts[index] = value;
    return compiled.run(facts as never).fired.map((r) => r.id).join(',');
  };
  const patterns = new Set(representativeValues(ruleset, 'volumeToBreakEvenRatio')!.map((v) => fired(v as number | null)));
  for (let value = -1; value <= 10; value += 0.05) t.ok(patterns.has(fired(Number(value.toFixed(2)))), `${value.toFixed(2)}`);
});

t.test('a fact judged some other way has no representatives', async (t) => {
  const byFact = Ruleset.parse({ name: 'probe', version: '1', rules: [rule('other', { fact: 'volumeToBreakEvenRatio', op: 'gt', otherFact: 'peakToAverageRatio' })] });
  t.equal(representativeValues(byFact, 'volumeToBreakEvenRatio'), undefined);
  t.equal(representativeValues(byFact, 'peakToAverageRatio'), undefined, 'on either side of the comparison');
  const byText = Ruleset.parse({ name: 'probe', version: '1', rules: [rule('text', { fact: 'trigger', op: 'in', value: ['queue', 'schedule'] })] });
  t.equal(representativeValues(byText, 'trigger'), undefined);
  const byIncludes = Ruleset.parse({ name: 'probe', version: '1', rules: [rule('has', { fact: 'complianceFrameworks', op: 'includes', value: 'hipaa' })] });
  t.equal(representativeValues(byIncludes, 'complianceFrameworks'), undefined);
  // The default ruleset reads the break-even's ratio against 1 alone.
  t.same(representativeValues(defaultRuleset().ruleset, 'volumeToBreakEvenRatio'), [null, 0, 1, 2]);
});
