// The scenario table: the domain's classic cases through the whole engine and the default ruleset, each
// with its verdict and the rules that decided it.
import t from 'tap';
import { evaluate } from '../../src/core/evaluate.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';
import { SCENARIOS } from './scenarios.js';

for (const scenario of SCENARIOS) {
  t.test(`${scenario.name} → ${scenario.verdict}`, async (t) => {
    const result = evaluate(WorkloadProfile.parse(scenario.profile), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { recommendation, firedRules, exclusions, scores } = result.evaluation;
    t.equal(recommendation.architecture, scenario.verdict, `scores ${JSON.stringify(scores)}`);
    const fired = firedRules.map((r) => r.id);
    for (const id of scenario.decidedBy) t.ok(fired.includes(id), `${id} fired (fired: ${fired.join(', ')})`);
    for (const id of scenario.notFired ?? []) t.notOk(fired.includes(id), `${id} did not fire`);
    for (const architecture of scenario.excluded ?? []) t.ok(exclusions.some((e) => e.architecture === architecture), `${architecture} excluded`);
    t.match(recommendation.summary, new RegExp(`^${scenario.verdict[0]!.toUpperCase()}${scenario.verdict.slice(1)} is recommended: `));
    t.ok(recommendation.confidence > 0.5 && recommendation.confidence <= 0.99, `confidence ${recommendation.confidence}`);
    const option = result.evaluation.options.find((o) => o.id === recommendation.optionId)!;
    t.equal(option.architecture, scenario.verdict, 'the best option sits inside the chosen architecture');
  });
}
