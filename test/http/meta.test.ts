// Health, the OpenAPI document, the docs UI, problem types and unknown routes.
import t from 'tap';
import { testApp } from '../helpers.js';

t.test('GET /healthz says ok and how many tables are loaded', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(res.statusCode, 200);
  t.equal(res.json().status, 'ok');
  t.ok(res.json().pricingTables >= 7, 'five providers, two of them with history');
});

t.test('GET /openapi.json is OpenAPI 3.1 with the pricing routes and their schemas', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.equal(res.statusCode, 200);
  const doc = res.json();
  t.match(doc.openapi, /^3\.1\./);
  for (const path of ['/healthz', '/v1/pricing', '/v1/pricing/{provider}', '/v1/pricing/{provider}/{date}', '/v1/rules', '/v1/facts'])
    t.ok(doc.paths[path]?.get, `documents GET ${path}`);
  const post = doc.paths['/v1/evaluations']?.post;
  t.ok(post?.requestBody.content['application/json'].schema.properties.traffic, 'the profile schema documents the request body');
  t.ok(post?.responses['200'].content['application/json'].schema.properties.recommendation, 'and the evaluation the answer');
  t.ok(post?.responses['422'], 'and the problems');
  const table = doc.paths['/v1/pricing/{provider}/{date}'].get;
  t.ok(table.responses['200'].content['application/json'].schema, 'the table response has a schema');
  t.ok(table.responses['404'], 'and its 404 problem');
  t.same(
    table.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort(),
    ['path:date', 'path:provider'],
  );
});

t.test('GET /docs serves the interactive docs as HTML', async (t) => {
  const app = await testApp(t);
  let res = await app.inject({ method: 'GET', url: '/docs' });
  for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++)
    res = await app.inject({ method: 'GET', url: new URL(String(res.headers.location), 'http://x/docs').pathname });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
  t.match(res.body, /<html/i);
});

t.test('problem types explain themselves', async (t) => {
  const app = await testApp(t);
  const known = await app.inject({ method: 'GET', url: '/problems/invalid-input' });
  t.equal(known.statusCode, 200);
  t.same(known.json(), { type: '/problems/invalid-input', status: 422, title: 'The request has invalid fields' });
  const unknown = await app.inject({ method: 'GET', url: '/problems/constructor' });
  t.equal(unknown.statusCode, 404);
  t.match(unknown.json(), { type: '/problems/not-found', detail: /"constructor"/ });
});

t.test('an unknown route is a 404 problem', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/v2/nothing?x=1' });
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.same(res.json(), {
    type: '/problems/not-found',
    title: 'No such resource',
    status: 404,
    detail: 'No route answers GET /v2/nothing',
    instance: '/v2/nothing',
  });
});
