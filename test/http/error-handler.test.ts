// The error handler, through a small echo route added to a real app: every way a body can be wrong gets
// its own 4xx problem naming what is wrong, and an unexpected failure is a 500 problem without a stack.
import t from 'tap';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildApp } from '../../src/http/app.js';
import { committedCatalog, committedRulesets } from '../helpers.js';

async function echoApp(t: { teardown: (fn: () => unknown) => void }) {
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), bodyLimitBytes: 200 });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/echo',
    { schema: { body: z.strictObject({ count: z.number().int(), items: z.array(z.string()).optional() }) } },
    async (request) => request.body,
  );
  app.post('/boom', async () => {
    throw new Error('secret internals');
  });
  app.post('/teapot', async () => {
    throw Object.assign(new Error('short and stout'), { statusCode: 418 });
  });
  t.teardown(() => app.close());
  return app;
}

const json = { 'content-type': 'application/json' };

t.test('a valid body passes through', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/echo', headers: json, payload: '{"count":2}' });
  t.equal(res.statusCode, 200);
  t.same(res.json(), { count: 2 });
});

t.test('invalid fields: 422 listing every field by path', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/echo', headers: json, payload: '{"count":1.5,"items":[3],"cuont":1}' });
  t.equal(res.statusCode, 422);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  const body = res.json();
  t.equal(body.type, '/problems/invalid-input');
  t.same(body.errors.map((e: { path: string }) => e.path).sort(), ['count', 'cuont', 'items[0]']);
  t.match(body.detail, /3 invalid fields in the body/);
});

t.test('malformed JSON: 400', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/echo', headers: json, payload: '{"count":' });
  t.equal(res.statusCode, 400);
  t.equal(res.json().type, '/problems/malformed-body');
});

t.test('an empty JSON body: 400', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/echo', headers: json, payload: '' });
  t.equal(res.statusCode, 400);
  t.equal(res.json().type, '/problems/malformed-body');
});

t.test('a body over the limit: 413', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/echo', headers: json, payload: JSON.stringify({ count: 1, items: Array(100).fill('x') }) });
  t.equal(res.statusCode, 413);
  t.equal(res.json().type, '/problems/body-too-large');
});

t.test('a content type the server does not read: 415', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/csv' }, payload: 'count\n1' });
  t.equal(res.statusCode, 415);
  t.equal(res.json().type, '/problems/unsupported-media-type');
});

t.test('a 4xx thrown by a route keeps its status', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/teapot' });
  t.equal(res.statusCode, 418);
  t.match(res.json(), { status: 418, detail: 'short and stout' });
});

t.test('an unexpected failure: 500 problem, no stack, no internals', async (t) => {
  const app = await echoApp(t);
  const res = await app.inject({ method: 'POST', url: '/boom' });
  t.equal(res.statusCode, 500);
  t.equal(res.json().type, '/problems/internal');
  t.notMatch(res.body, /secret internals|at .*\.ts/);
});
