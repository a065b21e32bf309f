// The compiled ruleset against the plain reference interpreter, on the scenario profiles and on random
// fact values; and every way a rule can be wrong, refused at load with the rule id and the path.
import fc from 'fast-check';
import t from 'tap';
import { compileRuleset } from '../../src/core/rules/compile.js';
import { FACTS, type FactValue } from '../../src/core/rules/facts.js';
import { loadRuleset, RulesetFileError } from '../../src/core/rules/load.js';
import { evaluate } from '../../src/core/evaluate.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';
import { referenceRun } from './reference.js';
import { SCENARIOS } from './scenarios.js';

const { ruleset, compiled } = defaultRuleset();

function agree(t: { same: (a: unknown, b: unknown, m: string) => void; ok: (v: unknown, m: string) => void }, values: FactValue[], label: string) {
  const fast = compiled.run(values);
  const slow = referenceRun(ruleset, new Map(FACTS.map((f, i) => [f.name, values[i]!])));
  t.same(fast.fired.map((r) => r.id), slow.fired, `${label}: same rules fire`);
  t.same(fast.scores, slow.scores, `${label}: same scores`);
  t.same(fast.exclusions.map((e) => e.architecture), slow.excluded, `${label}: same exclusions`);
  // Scoring alone, as searches do, comes to the same scores and exclusions.
  t.same(compiled.score(values), { scores: fast.scores, exclusions: fast.exclusions }, `${label}: score() agrees with run()`);
  // The compiled path really ran: only it records the comparisons it evaluated.
  for (const rule of fast.fired) t.ok(rule.conditions.length > 0 && rule.conditions.every((c) => c.fact !== undefined), `${label}: ${rule.id} traced`);
}

t.test('the default ruleset: at least 25 rules, every one with a reason', async (t) => {
  t.ok(ruleset.rules.length >= 25, `${ruleset.rules.length} rules`);
  t.equal(compiled.ruleCount, ruleset.rules.length);
  for (const rule of ruleset.rules) t.match(rule.because, /^[A-Z].*\.$/, `${rule.id} explains itself in a sentence`);
  t.ok(ruleset.rules.filter((r) => r.source).length >= 8, 'sources where the knowledge has one');
});

t.test('compiled and reference agree on every scenario', async (t) => {
  for (const scenario of SCENARIOS) {
    const result = evaluate(WorkloadProfile.parse(scenario.profile), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
    if (!result.ok) throw new Error('scenario failed');
    agree(t, FACTS.map((f) => result.evaluation.facts[f.name] as FactValue), scenario.name);
  }
});

t.test('cost gaps are graded: a tenth or less, half or less, 10% or more, either way', async (t) => {
  const result = evaluate(WorkloadProfile.parse(SCENARIOS[0]!.profile), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
  if (!result.ok) throw new Error('scenario failed');
  const at = FACTS.findIndex((f) => f.name === 'serverlessToTraditionalCostRatio');
  const costRules = (ratio: number) => {
    const values = FACTS.map((f) => result.evaluation.facts[f.name] as FactValue);
    values[at] = ratio;
    return compiled.run(values).fired.map((r) => r.id).filter((id) => /-(an-order-|far-)?cheaper$/.test(id));
  };
  t.same(costRules(0.05), ['serverless-far-cheaper', 'serverless-an-order-cheaper']);
  t.same(costRules(0.3), ['serverless-far-cheaper']);
  t.same(costRules(0.7), ['serverless-cheaper']);
  t.same(costRules(1), []);
  t.same(costRules(1.5), ['traditional-cheaper']);
  t.same(costRules(3), ['traditional-far-cheaper']);
  t.same(costRules(12), ['traditional-far-cheaper', 'traditional-an-order-cheaper']);
});

const factValue = (type: string, values?: readonly string[]): fc.Arbitrary<FactValue> => {
  switch (type) {
    case 'number': return fc.oneof(fc.constant(null), fc.double({ min: -10, max: 1e9, noNaN: true }), fc.constantFrom(0, 0.5, 1, 2, 5, 100, 1000));
    case 'boolean': return fc.boolean();
    case 'string': return fc.constantFrom(...(values ?? ['x']));
    default: return fc.subarray(['hipaa', 'pci-dss', 'fedramp-moderate', 'fedramp-high', 'gdpr', 'soc2']);
  }
};

t.test('compiled and reference agree on random facts', async (t) => {
  const arb = fc.tuple(...FACTS.map((f) => factValue(f.type, f.values)));
  let runs = 0;
  fc.assert(
    fc.property(arb, (values) => {
      const fast = compiled.run(values);
      const slow = referenceRun(ruleset, new Map(FACTS.map((f, i) => [f.name, values[i]!])));
      runs++;
      return JSON.stringify([fast.fired.map((r) => r.id), fast.scores, fast.exclusions.map((e) => e.architecture)]) === JSON.stringify([slow.fired, slow.scores, slow.excluded]);
    }),
    { numRuns: 2000, seed: 42 },
  );
  t.equal(runs, 2000);
});

t.test('every operator, and comparisons with another fact', async (t) => {
  const custom = compileRuleset(
    {
      name: 'ops',
      version: '1',
      rules: [
        { id: 'a', when: { fact: 'memoryMb', op: 'ne', value: 128 }, effect: { score: { serverless: 1 } }, because: 'ne on a number fact.' },
        { id: 'b', when: { fact: 'memoryMb', op: 'gt', value: 128 }, effect: { score: { serverless: 1 } }, because: 'gt on a number fact.' },
        { id: 'c', when: { fact: 'memoryMb', op: 'lt', value: 1024 }, effect: { score: { serverless: 1 } }, because: 'lt on a number fact.' },
        { id: 'd', when: { fact: 'state', op: 'in', value: ['stateless', 'session-affinity'] }, effect: { score: { hybrid: 1 } }, because: 'in on a string fact.' },
        { id: 'e', when: { fact: 'state', op: 'notIn', value: ['long-lived-connections'] }, effect: { score: { hybrid: 1 } }, because: 'notIn on a string fact.' },
        { id: 'f', when: { not: { fact: 'dedicatedTenancy', op: 'eq', value: true } }, effect: { score: { traditional: 1 } }, because: 'not around a comparison.' },
        { id: 'g', when: { any: [{ fact: 'memoryMb', op: 'eq', value: 1 }, { fact: 'p99DurationMs', op: 'gte', otherFact: 'averageDurationMs' }] }, effect: { score: { traditional: 1 } }, because: 'any, and a fact against a fact.' },
        { id: 'h', when: { fact: 'averageDurationMs', op: 'eq', otherFact: 'p99DurationMs' }, effect: { score: { traditional: 1 } }, because: 'eq between facts.' },
        { id: 'i', when: { fact: 'averageDurationMs', op: 'ne', otherFact: 'p99DurationMs' }, effect: { score: { traditional: 1 } }, because: 'ne between facts.' },
        { id: 'j', when: { fact: 'averageDurationMs', op: 'gt', otherFact: 'p99DurationMs' }, effect: { score: { traditional: 1 } }, because: 'gt between facts.' },
        { id: 'k', when: { fact: 'averageDurationMs', op: 'lt', otherFact: 'p99DurationMs' }, effect: { score: { traditional: 1 } }, because: 'lt between facts.' },
        { id: 'l', when: { fact: 'averageDurationMs', op: 'lte', otherFact: 'p99DurationMs' }, effect: { score: { traditional: 1 } }, because: 'lte between facts.' },
        { id: 'm', when: { fact: 'p99TargetMs', op: 'lte', otherFact: 'averageDurationMs' }, effect: { exclude: 'hybrid' }, because: 'a null fact never holds.' },
      ],
    },
    FACTS,
  );
  const values = FACTS.map((f) => ({ memoryMb: 512, state: 'stateless', dedicatedTenancy: false, averageDurationMs: 100, p99DurationMs: 300, p99TargetMs: null }[f.name as 'memoryMb'] ?? null)) as FactValue[];
  const outcome = custom.run(values);
  t.same(outcome.fired.map((r) => r.id), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'i', 'k', 'l']);
  t.same(outcome.scores, { serverless: 3, traditional: 5, hybrid: 2 });
  const g = outcome.fired.find((r) => r.id === 'g')!;
  t.same(g.conditions, [
    { fact: 'memoryMb', op: 'eq', expected: 1, actual: 512, held: false },
    { fact: 'p99DurationMs', op: 'gte', expected: { fact: 'averageDurationMs', value: 100 }, actual: 300, held: true },
  ], 'the trace shows each comparison, what it saw and whether it held');
});

function broken(text: string) {
  return t.throws(() => loadRuleset({ name: 'default.yaml', text })) as RulesetFileError;
}

const rule = (when: string, extra = '') => `name: default\nversion: "1"\nrules:\n  - id: my-rule\n    when: ${when}\n    effect: { score: { serverless: 1 } }\n    because: A sentence that says why.\n${extra}`;

t.test('a bad rule stops loading, naming the rule and the path', async (t) => {
  const cases: Array<[string, RegExp]> = [
    [rule('{ fact: peakToAverage, op: gte, value: 4 }'), /rule my-rule: when\.fact: unknown fact "peakToAverage"/],
    [rule('{ all: [{ fact: memoryMb, op: gte, value: 1 }, { fact: state, op: gt, value: 3 }] }'), /rule my-rule: when\.all\[1\]: op gt needs a number fact and a number value/],
    [rule('{ fact: coldStartTolerance, op: eq, value: nonee }'), /coldStartTolerance is never "nonee"; it is one of none, occasional, any/],
    [rule('{ fact: state, op: in, value: [stateless, stateful] }'), /state is one of stateless, session-affinity, long-lived-connections/],
    [rule('{ fact: memoryMb, op: in, value: [1, "2"] }'), /in needs a list of number values/],
    [rule('{ fact: memoryMb, op: eq, value: "512" }'), /memoryMb is a number; the value "512" is not/],
    [rule('{ fact: memoryMb, op: eq, value: [512] }'), /memoryMb is a number; the value \[512\] is not/],
    [rule('{ fact: dedicatedTenancy, op: ne, value: yes }'), /dedicatedTenancy is a boolean; the value "yes" is not/],
    [rule('{ fact: memoryMb, op: between, value: [10, 1] }'), /between needs a number fact and a value \[low, high\] with low ≤ high/],
    [rule('{ fact: memoryMb, op: includes, value: x }'), /includes needs a list fact and a string value/],
    [rule('{ fact: memoryMb, op: gt, otherFact: state }'), /compares memoryMb \(number\) with state \(string\)/],
    [rule('{ fact: memoryMb, op: in, otherFact: p99DurationMs }'), /op in cannot compare two facts/],
    [rule('{ fact: state, op: gt, otherFact: coldStartTolerance }'), /op gt needs number facts/],
    [rule('{ fact: memoryMb, op: gt, otherFact: memoryMbs }'), /when\.otherFact: unknown fact "memoryMbs"/],
    [rule('{ fact: memoryMb, op: gt }'), /rule my-rule \(rules\[0\]\)\.when/],
    [rule('{ fact: memoryMb, op: gt, value: 1 }', '    sorce: https://example.com\n'), /rule my-rule \(rules\[0\]\)\.sorce: unknown field "sorce" \(did you mean "source"\?/],
    [rule('{ fact: memoryMb, op: gt, value: 1 }').replace('name: default', 'name: other'), /name: is "other" but the file is named default\.yaml/],
    [rule('{ fact: memoryMb, op: gt, value: 1 }') + '  - id: my-rule\n    when: { fact: memoryMb, op: gt, value: 1 }\n    effect: { exclude: hybrid }\n    because: The same id twice in one file.\n', /rule my-rule \(rules\[1\]\)\.id: duplicate rule id "my-rule"/],
    ['name: default\nrules: [', /line \d+:/],
    ['name: default\nversion: "1"\nrules:\n  - { bogus: true }\n', /rules\[0\]/],
    ['name: default\nversion: "1"\nrules:\n  - null\n', /rules\[0\]: /],
    ['name: default\nrules:\n  - { id: a, when: { fact: memoryMb, op: gt, value: 1 }, effect: { exclude: hybrid }, because: A sentence that says why. }\n', /version: /],
  ];
  for (const [text, message] of cases) t.match(broken(text).message, message, String(message));
});

t.test('factsRead: the facts the rules compare, on either side', async (t) => {
  const read = [...compiled.factsRead].map((i) => FACTS[i]!.name);
  for (const rule of ruleset.rules) {
    const names: string[] = [];
    const visit = (c: unknown): void => {
      const condition = c as { all?: unknown[]; any?: unknown[]; not?: unknown; fact?: string; otherFact?: string };
      for (const part of condition.all ?? condition.any ?? []) visit(part);
      if (condition.not) visit(condition.not);
      if (condition.fact) names.push(condition.fact);
      if (condition.otherFact) names.push(condition.otherFact);
    };
    visit(rule.when);
    for (const name of names) t.ok(read.includes(name), `${rule.id} reads ${name}`);
  }
  t.ok(read.length < FACTS.length, `${read.length} of ${FACTS.length} facts are read by some rule`);
});
