// The one tier function, on the worked splits in its own comment and the edge cases around them.
import t from 'tap';
import { PriceItem } from '../../src/core/pricing/schema.js';
import { priceItem, pricedItem, shortCount } from '../../src/core/costs/price-item.js';
import { itemised } from './examples.js';

const SRC = 'https://example.com/pricing';
const item = (fields: Record<string, unknown>) =>
  PriceItem.parse({ id: 'x', name: 'requests', meter: 'request', unit: '1M requests', unitSize: 1_000_000, source: SRC, ...fields });
const show = (lines: ReturnType<typeof itemised>) => lines.map((l) => `${l.name}: ${l.quantity} × ${l.unitPriceUsd} = ${l.amountUsd}`);
const priced = (item: PriceItem, usage: number, applyFreeTier: boolean) => itemised((bill) => priceItem(pricedItem(item), usage, applyFreeTier, bill));

t.test('tiers split usage by cumulative bounds', async (t) => {
  const tiered = item({ tiers: [{ upTo: 300_000_000, priceUsd: '1.00' }, { upTo: null, priceUsd: '0.90' }] });
  t.same(show(priced(tiered, 432_000_000, true)), ['requests, first 300M: 300 × 1 = 300', 'requests, over 300M: 132 × 0.9 = 118.8']);
  t.same(show(priced(tiered, 100_000_000, true)), ['requests, first 300M: 100 × 1 = 100'], 'usage inside the first tier');
  const three = item({ tiers: [{ upTo: 10, priceUsd: '3' }, { upTo: 20, priceUsd: '2' }, { upTo: null, priceUsd: '1' }], unitSize: 1 });
  t.same(show(priced(three, 25, true)), ['requests, first 10: 10 × 3 = 30', 'requests, 10 to 20: 10 × 2 = 20', 'requests, over 20: 5 × 1 = 5']);
});

t.test('plan-included usage shows at $0 and is always applied', async (t) => {
  const plan = item({ priceUsd: '0.30', included: 10_000_000 });
  t.same(show(priced(plan, 15_000_000, false)), ['requests, included in plan: 10 × 0 = 0', 'requests, over 10M: 5 × 0.3 = 1.5']);
  t.same(show(priced(plan, 4_000_000, false)), ['requests, included in plan: 4 × 0 = 0']);
});

t.test('the free allowance is a credit at the first charged price, only when asked for', async (t) => {
  const free = item({ priceUsd: '0.20', freeAllowance: 1_000_000 });
  t.same(show(priced(free, 3_000_000, true)), ['requests: 3 × 0.2 = 0.6', 'free tier: requests: 1 × -0.2 = -0.2']);
  t.same(show(priced(free, 500_000, true)), ['requests: 0.5 × 0.2 = 0.1', 'free tier: requests: 0.5 × -0.2 = -0.1'], 'never more credit than usage');
  t.same(show(priced(free, 3_000_000, false)), ['requests: 3 × 0.2 = 0.6'], 'applyFreeTier false: no credit');
});

t.test('no usage, no lines; a flat monthly fee is one line', async (t) => {
  t.same(priced(item({ priceUsd: '0.20' }), 0, true), []);
  const fee = PriceItem.parse({ id: 'fee', name: 'subscriptions', meter: 'month', unit: 'month', priceUsd: '5.00', source: SRC });
  t.same(show(priced(fee, 1, true)), ['subscriptions: 1 × 5 = 5']);
});

t.test('short counts for tier labels', async (t) => {
  t.equal(shortCount(7.5e9), '7.5B');
  t.equal(shortCount(300_000_000), '300M');
  t.equal(shortCount(400_000), '400k');
  t.equal(shortCount(1.5e13), '15T');
  t.equal(shortCount(12), '12');
});

