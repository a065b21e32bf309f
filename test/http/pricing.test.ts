// The pricing routes, driven through inject(): versions per provider, the table in force on a date,
// and 4xx problems for unknown providers, dates before the first table and malformed dates.
import t from 'tap';
import { testApp } from '../helpers.js';

t.test('GET /v1/pricing lists every provider with its effective dates', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/v1/pricing' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/json/);
  const body = res.json();
  const providers = body.providers.map((p: { provider: string }) => p.provider);
  for (const required of ['aws', 'azure', 'cloudflare', 'digitalocean', 'gcp']) t.ok(providers.includes(required), required);
  const aws = body.providers.find((p: { provider: string }) => p.provider === 'aws');
  t.ok(aws.effectiveDates.length >= 2, 'AWS has at least two effective dates');
  t.ok(aws.effectiveDates.includes('2024-02-01'), 'one of them is the public IPv4 charge');
  t.equal(aws.href, '/v1/pricing/aws');
});

t.test('GET /v1/pricing/aws shows each version and what changed on it', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/v1/pricing/aws' });
  t.equal(res.statusCode, 200);
  const { provider, versions } = res.json();
  t.equal(provider, 'aws');
  const ipv4 = versions.find((v: { effectiveDate: string }) => v.effectiveDate === '2024-02-01');
  t.match(ipv4.changes.join(' '), /IPv4/);
  t.equal(ipv4.href, '/v1/pricing/aws/2024-02-01');
  t.ok(ipv4.services.some((s: { id: string }) => s.id === 'lambda-x86'));
  const dates = versions.map((v: { effectiveDate: string }) => v.effectiveDate);
  t.same(dates, [...dates].sort(), 'oldest first');
});

t.test('GET /v1/pricing/{provider}/{date} answers with the table in force that day', async (t) => {
  const app = await testApp(t);
  const after = await app.inject({ method: 'GET', url: '/v1/pricing/aws/2024-03-15' });
  t.equal(after.statusCode, 200);
  t.equal(after.json().effectiveDate, '2024-02-01', 'the newest table on or before the date');
  const network = after.json().services.find((s: { kind: string }) => s.kind === 'network');
  t.ok(network.items.some((i: { meter: string }) => i.meter === 'ip-hour'), 'public IPv4 is charged from 2024-02-01');

  const before = await app.inject({ method: 'GET', url: '/v1/pricing/aws/2024-01-31' });
  t.equal(before.statusCode, 200);
  t.not(before.json().effectiveDate, '2024-02-01');
  const oldNetwork = before.json().services.find((s: { kind: string }) => s.kind === 'network');
  t.notOk(oldNetwork.items.some((i: { meter: string }) => i.meter === 'ip-hour'), 'no IPv4 charge the day before');
});

t.test('an unknown provider is a 404 problem, not a 500', async (t) => {
  const app = await testApp(t);
  for (const url of ['/v1/pricing/ibm', '/v1/pricing/ibm/2024-01-01']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 404, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), { type: '/problems/unknown-provider', status: 404, instance: url, detail: /"ibm".*aws/ });
  }
});

t.test('a date before the first table is a 404 problem naming the first date', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/v1/pricing/aws/1999-01-01' });
  t.equal(res.statusCode, 404);
  t.match(res.json(), { type: '/problems/no-pricing-for-date', detail: /1999-01-01.*first table is dated \d{4}-\d{2}-\d{2}/ });
});

t.test('a malformed date is a 400 problem naming the parameter', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/v1/pricing/aws/2024-13-45' });
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.match(res.json(), { type: '/problems/invalid-parameter', errors: [{ path: 'date', message: /date/ }] });
});
