// POST /v1/evaluations, GET /v1/rules and GET /v1/facts through inject(): JSON and YAML bodies, every
// kind of bad input as a 4xx problem naming what is wrong, and rules that explain themselves.
import t from 'tap';
import { Evaluation } from '../../src/core/evaluation/schema.js';
import { defaultRuleset, testApp } from '../helpers.js';

const profile = {
  name: 'orders API',
  traffic: { monthlyRequests: 12_000_000, pattern: 'diurnal' },
  execution: { averageDurationMs: 80, memoryMb: 512 },
  providers: ['aws', 'gcp'],
  horizonMonths: 6,
};
const yaml = `name: orders API
traffic:
  monthlyRequests: 12000000
  pattern: diurnal
execution:
  averageDurationMs: 80
  memoryMb: 512
providers: [aws, gcp]
horizonMonths: 6
`;

t.test('a JSON profile gets a full evaluation', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: profile });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.match(body.recommendation, { architecture: /^(serverless|traditional|hybrid)$/, provider: /^(aws|gcp)$/, confidence: Number, summary: /is recommended/ });
  t.ok(body.firedRules.length > 0);
  t.equal(body.options[0].projection.length, 6);
  t.equal(body.provenance.rulesetVersion, defaultRuleset().ruleset.version);
  t.equal(body.provenance.pricingDate, '2026-11-25');
  t.same(Evaluation.parse(body), body, 'the response is exactly what the schema describes, and nothing more');
});

t.test('the same profile as YAML gives the same answer, byte for byte', async (t) => {
  const app = await testApp(t);
  const asJson = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: profile });
  for (const type of ['application/yaml', 'text/yaml', 'application/x-yaml']) {
    const asYaml = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': type }, payload: yaml });
    t.equal(asYaml.statusCode, 200, type);
    t.equal(asYaml.body, asJson.body, type);
  }
});

t.test('invalid fields: 422 naming every one', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/evaluations',
    payload: { traffic: { monthlyRequests: 1, averageRps: 2, peakRPS: 3 }, execution: { averageDurationMs: -1 }, horizonMonths: 500 },
  });
  t.equal(res.statusCode, 422);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
  t.same(paths, ['execution.averageDurationMs', 'horizonMonths', 'traffic.averageRps', 'traffic.peakRPS']);
  t.match(res.json().errors, [{ path: 'traffic.peakRPS', message: 'unknown field "peakRPS" (did you mean "peakRps"? unknown fields are not ignored)' }]);
  // In YAML too, and for an option: the route's schema and the body sent give the names meant.
  const yaml = await app.inject({
    method: 'POST',
    url: '/v1/evaluations',
    headers: { 'content-type': 'application/yaml' },
    payload: 'traffic:\n  monthlyRequests: 1000\nexecution:\n  averageDurationMs: 100\n  memoryMB: 512\nproviders: [gpc]\n',
  });
  t.match(yaml.json().errors, [
    { path: 'execution.memoryMB', message: /did you mean "memoryMb"\?/ },
    { path: 'providers[0]', message: /; did you mean "gcp"\?$/ },
  ]);
});

t.test('a profile that is valid but cannot be evaluated: 422 naming the field', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { ...profile, pricingDate: '2019-01-01', providers: ['aws'] } });
  t.equal(res.statusCode, 422);
  t.match(res.json(), { type: '/problems/invalid-input', errors: [{ path: 'pricingDate', message: /had prices in force on 2019-01-01/ }] });
  // Nothing can run 256 GB requests: the field once in the detail, then an error per option saying why.
  const huge = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { ...profile, execution: { averageDurationMs: 100, memoryMb: 262_144 }, providers: ['cloudflare', 'digitalocean'] } });
  t.equal(huge.statusCode, 422);
  t.equal(huge.json().detail, 'the profile cannot be evaluated: execution');
  t.match(huge.json().errors, [{ path: 'execution', message: /^no option can run this workload/ }, { path: 'execution', message: /^cloudflare\/workers-standard\/on-demand: / }]);
});

t.test('malformed bodies: 400 with the line for YAML', async (t) => {
  const app = await testApp(t);
  const badJson = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json' }, payload: '{"traffic": ' });
  t.equal(badJson.statusCode, 400);
  t.equal(badJson.json().type, '/problems/malformed-body');
  const badYaml = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/yaml' }, payload: 'traffic:\n  monthlyRequests: [1,\n' });
  t.equal(badYaml.statusCode, 400);
  t.match(badYaml.json(), { type: '/problems/malformed-body', errors: [{ path: /^line \d+$/ }] });
  const duplicateKey = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/yaml' }, payload: 'name: a\nname: b\n' });
  t.equal(duplicateKey.statusCode, 400, 'duplicate keys are refused, not silently overwritten');
  // JSON with a JavaScript comment, sent as YAML: the comment's line, not an unknown field named after it.
  const commented = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/yaml' }, payload: '{\n  // checkout\n  "traffic": {"monthlyRequests": 1}\n}\n' });
  t.match(commented.json(), { status: 400, type: '/problems/malformed-body', errors: [{ path: 'line 2', message: /JavaScript's: JSON has none/ }] });
});

t.test('a YAML alias bomb is refused before it expands', async (t) => {
  const app = await testApp(t);
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/yaml' }, payload: lines.join('\n') });
  t.equal(res.statusCode, 400);
  t.match(res.json().errors[0].message, /alias/i);
});

t.test('__proto__ keys: refused by name', async (t) => {
  const app = await testApp(t);
  const json = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json' }, payload: `{"__proto__": {"x": 1}, ${JSON.stringify(profile).slice(1)}` });
  t.equal(json.statusCode, 400, 'Fastify refuses prototype poisoning in JSON');
  const yamlProto = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/yaml' }, payload: `${yaml}__proto__:\n  polluted: true\n` });
  t.equal(yamlProto.statusCode, 422);
  t.match(yamlProto.json().errors, [{ path: '__proto__', message: /unknown field/ }]);
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'nothing was polluted');
});

t.test('over the size limit: 413; wrong content type: 415; unknown ruleset: 400', async (t) => {
  const app = await testApp(t);
  const big = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { ...profile, name: 'x'.repeat(2_000_000) } });
  t.equal(big.statusCode, 413);
  const csv = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
  t.equal(csv.statusCode, 415);
  const ruleset = await app.inject({ method: 'POST', url: '/v1/evaluations?ruleset=strict', payload: profile });
  t.equal(ruleset.statusCode, 400);
  t.match(ruleset.json(), { errors: [{ path: 'ruleset', message: 'unknown ruleset "strict"' }] });
});

t.test('a misspelt query parameter is a 400 naming it, not silently the default', async (t) => {
  const app = await testApp(t);
  for (const url of ['/v1/evaluations?tippingpoints=false', '/v1/evaluations/batch?rulset=default']) {
    const body = url.includes('batch') ? { profiles: [profile] } : profile;
    const answer = await app.inject({ method: 'POST', url, payload: body });
    t.equal(answer.statusCode, 400, url);
    const name = url.split('?')[1]!.split('=')[0]!;
    t.match(answer.json(), { type: '/problems/invalid-parameter', errors: [{ path: name, message: new RegExp(`unknown field "${name}"`) }] });
  }
  const misspelt = await app.inject({ method: 'POST', url: '/v1/evaluations?tippingpoints=false', payload: profile });
  t.match(misspelt.json().errors, [{ message: /did you mean "tippingPoints"\?/ }]);
  const chart = await app.inject({ method: 'GET', url: '/v1/charts/cost-vs-volume.svg?profile=e30&profil=x' });
  t.match(chart.json(), { status: 400, errors: [{ path: 'profil' }] });
});

t.test('GET /v1/rules and /v1/facts list everything an evaluation uses', async (t) => {
  const app = await testApp(t);
  const rules = (await app.inject({ method: 'GET', url: '/v1/rules' })).json();
  const facts = (await app.inject({ method: 'GET', url: '/v1/facts' })).json();
  const ruleIds = new Set(rules.rulesets.flatMap((r: { rules: Array<{ id: string }> }) => r.rules.map((rule) => rule.id)));
  const factNames = new Set(facts.facts.map((f: { name: string }) => f.name));
  t.ok(ruleIds.size >= 25);
  t.ok(factNames.size >= 30);
  t.match(facts.facts.find((f: { name: string }) => f.name === 'peakToAverageRatio'), { type: 'number', unit: 'ratio', description: /Peak/ });
  for (const scenario of [profile, { ...profile, state: 'long-lived-connections' }, { ...profile, traffic: { averageRps: 50, peakRps: 500 } }]) {
    const evaluation = (await app.inject({ method: 'POST', url: '/v1/evaluations', payload: scenario })).json();
    for (const fired of evaluation.firedRules) {
      t.ok(ruleIds.has(fired.id), `${fired.id} is listed by GET /v1/rules`);
      for (const condition of fired.conditions) t.ok(factNames.has(condition.fact), `${condition.fact} is listed by GET /v1/facts`);
    }
    for (const name of Object.keys(evaluation.facts)) t.ok(factNames.has(name));
  }
});
