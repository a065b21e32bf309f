// Refreshes docs/calculator-page.png: the calculator page of a running server after evaluating the plain API
// profile on AWS, as the README shows it. Needs Debian's chromium (CHROMIUM_PATH to use another).
//   PORT=3000 npm start &  node scripts/screenshot-page.mjs http://127.0.0.1:3000
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = fileURLToPath(new URL('../docs/calculator-page.png', import.meta.url));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/`);
  await page.fill('#name', 'browser test API');
  await page.fill('#monthlyRequests', '10000000');
  await page.fill('#averageDurationMs', '100');
  await page.fill('#memoryMb', '512');
  // The provider boxes come from GET /v1/pricing; all but AWS are unchecked.
  await page.waitForSelector('input[name=providers][value=aws]');
  for (const box of await page.locator('input[name=providers]:not([value=aws])').all()) await box.uncheck();
  await page.click('#evaluate');
  await page.waitForSelector('#verdict #architecture', { timeout: 30_000 });
  // The cheapest option's line items open, as a reader would open them.
  await page.click('#costs details summary >> nth=0');
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
