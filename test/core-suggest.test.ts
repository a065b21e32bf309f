// "Did you mean …?": which name a misspelt one most likely meant, and the names a schema accepts at a place in
// a document, through the wrappers a schema puts around its objects (defaults, pipes, unions, arrays).
import t from 'tap';
import { z } from 'zod';
import { closestName, fieldNamesAt, valueAt } from '../src/core/suggest.js';
import { WorkloadProfile } from '../src/core/profile/schema.js';
import { toFieldIssues } from '../src/core/issue-path.js';

t.test('the name a typo most likely meant', async (t) => {
  const providers = ['aws', 'gcp', 'azure', 'cloudflare', 'digitalocean'];
  t.equal(closestName('gpc', providers), 'gcp', 'two letters swapped');
  t.equal(closestName('AWS', providers), 'aws', 'letter case aside');
  t.equal(closestName('ibm', providers), undefined, 'nothing like it');
  t.equal(closestName('cloudfare', providers), 'cloudflare', 'a letter left out');
  t.equal(closestName('ab', ['aws', 'xy']), undefined, 'a word of two letters is not rewritten whole');
  // archcalc's names end in their unit: a name without it means the one with it, the shortest first.
  t.equal(closestName('memory', ['memoryMb', 'memoryMbMax']), 'memoryMb');
  t.equal(closestName('peak', ['peakRps', 'peakToAverageRatio']), 'peakRps');
  t.equal(closestName('avg', ['averageDurationMs']), undefined, 'a beginning of three letters is too short to say');
  t.equal(closestName('x', []), undefined, 'no names, no suggestion');
});

t.test('the field names a schema accepts at a place, through its wrappers', async (t) => {
  t.same(fieldNamesAt(WorkloadProfile, ['traffic']).slice(0, 3), ['monthlyRequests', 'averageRps', 'peakRps'], 'a refined, transformed object');
  t.ok(fieldNamesAt(WorkloadProfile, []).includes('horizonMonths'), 'the root');
  t.ok(fieldNamesAt(WorkloadProfile, ['latency']).includes('coldStartTolerance'), 'an object with a default');
  const batch = z.strictObject({ profiles: z.array(WorkloadProfile).min(1) });
  t.ok(fieldNamesAt(batch, ['profiles', 3, 'execution']).includes('memoryMb'), 'inside an array');
  const either = z.union([z.strictObject({ a: z.number() }), z.strictObject({ b: z.strictObject({ c: z.number() }) })]);
  t.same(fieldNamesAt(either, []), ['a', 'b'], 'every option of a union');
  t.same(fieldNamesAt(either, ['b']), ['c']);
  t.same(fieldNamesAt(WorkloadProfile, ['traffic', 'monthlyRequests']), [], 'a number holds no fields');
  t.same(fieldNamesAt(WorkloadProfile, ['nowhere', 'deeper']), [], 'a place the schema does not have');
  t.same(fieldNamesAt(WorkloadProfile, ['providers', 'x']), [], 'an array read by name');
  t.same(fieldNamesAt({ type: 'object' }, []), [], 'not a zod schema (a JSON Schema, say)');
  t.same(fieldNamesAt(undefined, []), []);
});

t.test('the value at a place in a document', async (t) => {
  const document = { traffic: { monthlyRequests: 5 }, providers: ['gpc'] };
  t.equal(valueAt(document, ['traffic', 'monthlyRequests']), 5);
  t.equal(valueAt(document, ['providers', 0]), 'gpc');
  t.equal(valueAt(document, ['traffic', 'nowhere']), undefined);
  t.equal(valueAt(document, ['traffic', 'monthlyRequests', 'deeper']), undefined, 'below a number');
  t.equal(valueAt(document, ['__proto__']), undefined, 'only the document’s own keys');
  t.equal(valueAt(null, ['x']), undefined);
});

t.test('past the first hundred unknown keys of an object, no suggestions: such a body is made up, not misspelt', async (t) => {
  const input: Record<string, unknown> = { traffic: { monthlyRequests: 1 }, execution: { averageDurationMs: 1 }, horizon: 12 };
  for (let i = 0; i < 100; i++) input[`made-up-${i}`] = i;
  input.providr = ['aws'];
  const result = WorkloadProfile.safeParse(input);
  const issues = result.success ? [] : toFieldIssues(result.error.issues, [], { schema: WorkloadProfile, input });
  t.equal(issues.length, 102);
  t.match(issues.find((i) => i.path === 'horizon')?.message, /did you mean "horizonMonths"\?/, 'the first');
  t.match(issues.find((i) => i.path === 'providr')?.message, /check its spelling/, 'the hundred and second');
});
