// Fills the README's <!-- out:NAME --> blocks with real output of the commands it documents.
// Run after `npm run build` with a server on PORT (default 3000): node scripts/refresh-readme.mjs [bench.txt]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const port = process.env.PORT ?? '3000';
const base = `http://127.0.0.1:${port}`;
const cli = (...args) => execFileSync('bin/archcalc', args, { encoding: 'utf8' });
const fence = (lang, text) => `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;

const pricing = await (await fetch(`${base}/v1/pricing`)).json();
const checkout = await (await fetch(`${base}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: readFileSync('examples/checkout-api.yaml', 'utf8') })).json();
const option = checkout.options.find((o) => o.id === checkout.recommendation.optionId);
const abridged = {
  recommendation: checkout.recommendation,
  scores: checkout.scores,
  exclusions: checkout.exclusions,
  firedRules: checkout.firedRules.map(({ id, effect, because }) => ({ id, effect, because })),
  options: [{ id: option.id, monthlyUsd: option.monthlyUsd, horizonUsd: option.horizonUsd, details: option.details, lineItems: option.lineItems.slice(0, 2).concat(['…']) }, '…'],
  breakEven: checkout.breakEven,
  tippingPoints: checkout.tippingPoints,
  provenance: checkout.provenance,
};
const plainJson = JSON.parse(cli('evaluate', 'examples/plain-api.yaml', '--format', 'json'));
const ec2 = plainJson.options.find((o) => o.id === 'aws/ec2/on-demand-autoscaled');
let check;
try {
  check = cli('check', 'examples/side-project.yaml', 'examples/checkout-api.yaml', '--baseline', '/nonexistent/baseline.json');
} catch (error) {
  check = error.stdout;
}
const outputs = {
  pricing: fence('sh', `$ curl -s localhost:3000/v1/pricing\n${JSON.stringify(pricing).replace(/\},\{"provider"/g, '},\n {"provider"')}`),
  plain: fence('', `$ bin/archcalc evaluate examples/plain-api.yaml\n${cli('evaluate', 'examples/plain-api.yaml')}`),
  checkout: fence('json', JSON.stringify(abridged, null, 2)),
  lineitems: fence('json', JSON.stringify({ id: ec2.id, monthlyUsd: ec2.monthlyUsd, lineItems: ec2.lineItems, details: ec2.details }, null, 2)),
  check: fence('markdown', check),
  // The bench's table, without what `npm run bench` prints while it builds.
  bench: process.argv[2] ? fence('', readFileSync(process.argv[2], 'utf8').slice(readFileSync(process.argv[2], 'utf8').indexOf('archcalc bench —'))) : undefined,
};
let readme = readFileSync('README.md', 'utf8');
for (const [name, text] of Object.entries(outputs)) {
  if (text === undefined) continue;
  readme = readme.replace(new RegExp(`<!-- out:${name} -->[\\s\\S]*?<!-- /out -->`), `<!-- out:${name} -->\n${text}\n<!-- /out -->`);
}
writeFileSync('README.md', readme);
console.log('README.md refreshed');
