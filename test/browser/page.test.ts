// The calculator page in a real headless Chromium (Debian's, driven by playwright-core): fill the form,
// submit, see the verdict and the chart; submit a bad value, see the API's message next to the field.
// .ci/run installs Chromium and sets ARCHCALC_REQUIRE_BROWSER=1 so a missing browser fails CI.
import { existsSync } from 'node:fs';
import t from 'tap';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../../src/http/app.js';
import { describeTippingPoint } from '../../src/render/tipping-text.js';
import { committedCatalog, committedRulesets } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.env.ARCHCALC_REQUIRE_BROWSER === '1') t.fail(`no Chromium at ${CHROMIUM}; install Debian's chromium`);
  else t.plan(0, `no Chromium at ${CHROMIUM} (apt-get install chromium); .ci/run installs it`);
} else {
  let browser: Browser;
  let base = '';
  t.before(async () => {
    const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: () => '2026-11-25' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    t.teardown(() => app.close());
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    t.teardown(() => browser.close());
  });

  /** A fresh tab on the calculator page, closed when the test ends. */
  const openPage = async (test: { teardown(fn: () => unknown): void }) => {
    const page = await browser.newPage();
    test.teardown(() => page.close());
    await page.goto(`${base}/`);
    return page;
  };

  t.test('fill the form, submit, see the verdict, the reasons, the costs and the chart', async (t) => {
    const page = await openPage(t);
    await page.fill('#name', 'browser test API');
    await page.fill('#monthlyRequests', '10000000');
    await page.fill('#averageDurationMs', '100');
    await page.fill('#memoryMb', '512');
    // The provider boxes come from GET /v1/pricing: every provider with a pricing file, all checked.
    await page.waitForSelector('input[name=providers][value=heroku]');
    const boxes = await page.locator('input[name=providers]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    t.same(boxes, ['aws', 'azure', 'cloudflare', 'digitalocean', 'gcp', 'heroku', 'netlify', 'vercel']);
    for (const provider of boxes.filter((p) => p !== 'aws')) await page.uncheck(`input[name=providers][value=${provider}]`);
    await page.click('#evaluate');
    await page.waitForSelector('#verdict #architecture', { timeout: 30_000 });
    t.equal(await page.textContent('#architecture'), 'serverless');
    t.match(await page.textContent('#verdict'), /aws lambda-arm/);
    t.match(await page.textContent('#confidence'), /^0\.\d\d$/);
    t.ok((await page.locator('#rules tr').count()) > 2, 'the fired rules with their reasons');
    // The verdict's own tipping point, and the cost comparison's (the break-even's).
    t.match(await page.textContent('#tipping-points'), /Recommendation flips to traditional above \d+(\.\d+)?M requests\/month \(now 10M\)/);
    t.match(await page.textContent('#tipping-points'), /Cheaper of serverless and traditional flips to traditional above \d+(\.\d+)?M requests\/month \(now 10M\)/);
    t.match(await page.textContent('#tipping-points'), /at 10241 MB of memory or more \(now 512\)/, 'memory said exactly, as the CLI says it');
    t.equal(await page.locator('#chart svg path').count(), 3, 'the chart draws three architectures');
    t.match(await page.textContent('#chart svg'), /break-even/);
    await page.click('#costs details summary >> nth=0');
    t.match(await page.textContent('#costs'), /requests/);
    t.match(await page.textContent('#costs'), /free tier: requests.*-\$0\.2-\$0\.20/s, 'a credit reads -$0.20');
    await page.screenshot({ path: process.env.ARCHCALC_SCREENSHOT ?? '/tmp/archcalc-page.png', fullPage: true });
  });

  t.test('the page words every tipping point as the CLI does', async (t) => {
    const page = await openPage(t);
    const tips = [
      ['monthlyRequests', 1e7, 99_400_000, 'recommendation'],
      ['averageDurationMs', 240_000, 900_000, 'recommendation'],
      ['averageDurationMs', 60, 1.4, 'cost'],
      ['averageDurationMs', 999, 2500, 'cost'],
      ['memoryMb', 512, 10241, 'cost'],
      ['peakToAverageRatio', 10, 5.307, 'recommendation'],
      ['growthPercentPerMonth', 2, 9.89, 'cost'],
    ].map(([input, currentValue, flipsAt, kind]) => ({ input, currentValue, flipsAt, kind, from: 'serverless', to: 'traditional' }) as Parameters<typeof describeTippingPoint>[0]);
    // tipText is a top-level const of the page's one classic script: in scope for an expression, not on window.
    const onPage = await page.evaluate(`${JSON.stringify(tips)}.map((tip) => tipText(tip))`);
    t.same(onPage, tips.map((tip) => describeTippingPoint(tip).replace(/^./, (c) => c.toUpperCase())));
  });

  t.test('a queue consumer from the form: the reasons name the trigger, no gateway is billed', async (t) => {
    const page = await openPage(t);
    await page.waitForSelector('input[name=providers][value=aws]');
    await page.fill('#monthlyRequests', '20000000');
    await page.fill('#averageDurationMs', '40');
    await page.selectOption('#trigger', 'queue');
    await page.fill('#batchSize', '10');
    for (const box of await page.locator('input[name=providers]:not([value=aws])').all()) await box.uncheck();
    await page.click('#evaluate');
    await page.waitForSelector('#verdict #architecture', { timeout: 30_000 });
    t.equal(await page.textContent('#architecture'), 'serverless');
    t.match(await page.textContent('#rules'), /event-driven-work/);
    t.match(await page.textContent('#rules'), /queue-batches-cut-invocations/);
    t.match(await page.textContent('#costs'), /Amazon SQS/, 'the queue’s own requests are billed');
    t.notMatch(await page.textContent('#costs'), /API Gateway|Load Balanc/, 'nothing is served over HTTP');
  });

  t.test('the INIT time of a cold start: estimated with a warning, or taken from the form', async (t) => {
    const page = await openPage(t);
    await page.waitForSelector('input[name=providers][value=aws]');
    for (const box of await page.locator('input[name=providers]:not([value=aws])').all()) await box.uncheck();
    await page.click('#evaluate');
    await page.waitForSelector('#verdict #architecture', { timeout: 30_000 });
    t.match(await page.textContent('#verdict'), /billed 300 ms of INIT each.*initDurationMs/);
    await page.fill('#initDurationMs', '200');
    await page.click('#evaluate');
    await page.waitForFunction(
      () => {
        const verdict = document.getElementById('verdict');
        return verdict?.querySelector('#architecture') && !/INIT/.test(verdict.textContent ?? '');
      },
      null,
      { timeout: 30_000 },
    );
    t.notMatch(await page.textContent('#verdict'), /INIT/, 'a stated INIT time needs no warning');
  });

  t.test('response size, latency target and an ops rate from the form reach the bill and the reasons', async (t) => {
    const page = await openPage(t);
    await page.waitForSelector('input[name=providers][value=aws]');
    for (const box of await page.locator('input[name=providers]:not([value=aws])').all()) await box.uncheck();
    await page.fill('#egressKbPerResponse', '50');
    await page.fill('#p99TargetMs', '150');
    await page.fill('#opsHourlyRateUsd', '90');
    await page.click('#evaluate');
    await page.waitForSelector('#verdict #architecture', { timeout: 30_000 });
    // 150 ms of p99 target leaves less room than a cold start takes.
    t.match(await page.textContent('#rules'), /cold-start-breaks-latency-target/);
    await page.click('#costs details summary >> nth=0');
    const bill = await page.textContent('#costs details[open]');
    // 10M responses of 50 KB: 476.84 GB out, and the upkeep priced at the rate given.
    t.match(bill, /data transfer out \(GB\)[^]*476\.8371582031/);
    t.match(bill, /ops effort/);
  });

  t.test('a bad value: the API’s message appears next to the field', async (t) => {
    const page = await openPage(t);
    await page.fill('#averageDurationMs', '-5');
    await page.fill('#horizonMonths', '500');
    await page.click('#evaluate');
    await page.waitForSelector('.field-error', { timeout: 30_000 });
    t.match(await page.textContent('.field-error[data-for="execution.averageDurationMs"]'), />0/);
    t.match(await page.textContent('.field-error[data-for="horizonMonths"]'), /120/);
    t.ok(await page.$eval('#averageDurationMs', (el) => el.classList.contains('invalid')));
    t.match(await page.textContent('#problem'), /invalid field/);
  });

  t.test('a pasted YAML profile is sent as YAML; its errors are listed under the button', async (t) => {
    const page = await openPage(t);
    await page.fill('#yaml', 'traffic:\n  monthlyRequests: 30000\n  peakRPS: 3\nexecution:\n  averageDurationMs: 50\nproviders: [cloudflare]\n');
    await page.click('#evaluate');
    await page.waitForFunction(() => document.getElementById('problem')!.textContent!.length > 0, null, { timeout: 30_000 });
    t.match(await page.textContent('#problem'), /traffic\.peakRPS: unknown field "peakRPS"/);
    // A workload nothing can run: why nothing is left, then each option's reason, one to a line.
    await page.fill('#yaml', 'traffic:\n  monthlyRequests: 30000\nexecution:\n  averageDurationMs: 50\n  memoryMb: 262144\nproviders: [cloudflare, digitalocean]\n');
    await page.click('#evaluate');
    await page.waitForSelector('#problem li >> nth=1', { timeout: 30_000 });
    const lines = await page.locator('#problem li').allTextContents();
    t.match(lines[0], /^execution: no option can run this workload: /);
    t.ok(lines.slice(1).every((line) => /^execution: (cloudflare|digitalocean)\/[a-z-]+\/[a-z-]+: /.test(line)), lines.join('\n'));
    await page.fill('#yaml', 'traffic:\n  monthlyRequests: 30000\nexecution:\n  averageDurationMs: 50\n  memoryMb: 128\nproviders: [cloudflare]\n');
    await page.click('#evaluate');
    await page.waitForSelector('#verdict #architecture', { timeout: 30_000 });
    t.equal(await page.textContent('#architecture'), 'serverless');
    // Worded as the CLI words it: Cloudflare rents no servers, so there is nothing to break even with.
    t.match(await page.textContent('#tipping-points'), /Break-even: none — the considered providers rent no servers\./);
  });
}
