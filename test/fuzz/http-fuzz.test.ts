// Fuzzing POST /v1/evaluations through inject(): random and mutated profiles, hostile documents and wrong
// content types. Every answer is a 2xx or a 4xx problem naming a field (or the document), never a 5xx.
import fc from 'fast-check';
import t from 'tap';
import { testApp } from '../helpers.js';

const base = {
  name: 'fuzzed',
  traffic: { monthlyRequests: 2_000_000, pattern: 'diurnal' },
  execution: { averageDurationMs: 80, memoryMb: 256 },
  providers: ['aws'],
  horizonMonths: 2,
};

const PATHS = [
  ['traffic', 'monthlyRequests'], ['traffic', 'averageRps'], ['traffic', 'peakRps'], ['traffic', 'pattern'], ['traffic', 'hourlyWeights'],
  ['traffic', 'growthPercentPerMonth'], ['execution', 'averageDurationMs'], ['execution', 'p99DurationMs'], ['execution', 'maxDurationMs'],
  ['execution', 'memoryMb'], ['execution', 'cpuMsPerRequest'], ['execution', 'payloadKb'], ['latency'], ['latency', 'coldStartTolerance'],
  ['state'], ['compliance', 'dataResidency'], ['compliance', 'frameworks'], ['compliance', 'dedicatedTenancy'], ['team', 'opsCapacity'],
  ['team', 'opsHourlyRateUsd'], ['applyFreeTier'], ['horizonMonths'], ['providers'], ['pricingDate'], ['expect'], ['minInstances'],
  ['traffic'], ['execution'], ['name'], ['__proto__'], ['constructor'], ['traffic', 'peakRPS'],
];

/** Values that break things: odd numbers, numbers as strings, wrong types, deep and empty structures. */
const nasty = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, -0, 0, -1, 1.5, 2 ** 53, 'NaN', 'Infinity', '-Infinity', '1e308', '', ' ', null, true, [], {}, [null], ['aws', 'aws'], 'aws', '2024-02-30', '2024-02-29', 'none', 'spiky'),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.double({ noNaN: true, min: -1e12, max: 1e14 }),
  fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 170 }),
  fc.string({ maxLength: 20 }),
  fc.anything({ maxDepth: 3 }),
);

function mutate(paths: Array<[string[], unknown]>) {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const [path, value] of paths) {
    let target = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null || Array.isArray(target[key])) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    Object.defineProperty(target, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

t.test('thousands of mutated profiles: 2xx, or 4xx naming a field; never 5xx', async (t) => {
  const app = await testApp(t);
  let ok = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...PATHS), nasty), { minLength: 1, maxLength: 3 }), async (mutations) => {
      const payload = JSON.stringify(mutate(mutations));
      const res = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json' }, payload });
      if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${payload}: ${res.body}`);
      if (res.statusCode === 200) ok++;
      else {
        refused++;
        const problem = res.json();
        if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) throw new Error(`not a problem: ${res.body}`);
        if (res.statusCode === 422 && !(problem.errors?.length > 0 && problem.errors.every((e: { path: string; message: string }) => e.path && e.message)))
          throw new Error(`422 without field errors for ${payload}: ${res.body}`);
      }
    }),
    { numRuns: 2500, seed: 20261125 },
  );
  t.ok(ok > 25, `${ok} evaluated`);
  t.ok(refused > 1000, `${refused} refused with a named field`);
});

t.test('random documents of any shape: never 5xx', async (t) => {
  const app = await testApp(t);
  await fc.assert(
    fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
      const res = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) });
      if (res.statusCode >= 500 || res.statusCode < 400) throw new Error(`${res.statusCode} for ${JSON.stringify(value)}`);
    }),
    { numRuns: 500, seed: 7 },
  );
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
      const res = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/yaml' }, payload: text });
      if (res.statusCode >= 500 || res.statusCode < 400) throw new Error(`${res.statusCode} for ${JSON.stringify(text)}`);
    }),
    { numRuns: 500, seed: 8 },
  );
});

t.test('hostile documents each get a clear 4xx', async (t) => {
  const app = await testApp(t);
  const post = (payload: string, type = 'application/json') => app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': type }, payload });
  const deepJson = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const deep = await post(`{"name":"x","traffic":${deepJson},"execution":{"averageDurationMs":1}}`);
  t.equal(deep.statusCode, 422, 'deeply nested JSON');
  t.match(deep.json().errors, [{ path: 'traffic.a', message: /unknown field/ }]);
  const deepYaml = await post(`traffic: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 'application/yaml');
  t.ok(deepYaml.statusCode === 400 || deepYaml.statusCode === 422, `deeply nested YAML: ${deepYaml.statusCode}`);
  const huge = await post(JSON.stringify({ ...base, traffic: { monthlyRequests: 1e308 } }));
  t.equal(huge.statusCode, 422);
  t.match(huge.json().errors, [{ path: 'traffic.monthlyRequests', message: /1000000000000|1e\+?13/ }]);
  const nanString = await post(JSON.stringify({ ...base, execution: { averageDurationMs: 'NaN' } }));
  t.match(nanString.json().errors, [{ path: 'execution.averageDurationMs', message: /number/ }]);
  const infinity = await post(`{"traffic":{"monthlyRequests":1e999},"execution":{"averageDurationMs":1}}`);
  t.equal(infinity.statusCode, 422, '1e999 parses to Infinity and is refused');
  const yamlInf = await post('traffic: { monthlyRequests: .inf }\nexecution: { averageDurationMs: .nan }\n', 'application/yaml');
  t.equal(yamlInf.statusCode, 422);
  t.same(yamlInf.json().errors.map((e: { path: string }) => e.path).sort(), ['execution.averageDurationMs', 'traffic.monthlyRequests']);
  const poisoned = await post(JSON.stringify({ ...base, constructor: { prototype: 1 } }));
  t.equal(poisoned.statusCode, 400, 'constructor.prototype is refused by the JSON parser');
  t.match(poisoned.json(), { type: '/problems/malformed-body', detail: /prototype/ });
  const constructorKey = await post(JSON.stringify({ ...base, constructor: 1 }));
  t.match(constructorKey.json().errors, [{ path: 'constructor', message: /unknown field/ }]);
  const empty = await post('');
  t.equal(empty.statusCode, 400);
  const emptyYaml = await post('', 'application/yaml');
  t.equal(emptyYaml.statusCode, 400, 'an empty YAML body is refused as the empty JSON body is');
  t.match(emptyYaml.json().errors, [{ path: '(document)', message: /the document is empty/ }]);
  const onlyComments = await post('# traffic: later\n\n', 'application/yaml');
  t.match(onlyComments.json(), { status: 400, errors: [{ path: '(document)', message: /the document is empty/ }] });
  const wrongType = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/xml' }, payload: '<profile/>' });
  t.equal(wrongType.statusCode, 415);
  const noType = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: 'traffic: 1' });
  t.ok(noType.statusCode >= 400 && noType.statusCode < 500, `no content type: ${noType.statusCode}`);
});
