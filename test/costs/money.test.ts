// Exact money in pico-dollars: prices parsed once, quantities rounded to the step that keeps every product
// a whole number of pico-dollars, doubles while they are exact and BigInts beyond — checked against BigInt.
import t from 'tap';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { Bill, toLineItem } from '../../src/core/costs/bill.js';
import { addPico, formatUsd, parsePrice, PicoSum, priceOfPico, priceQuantity, subPico, tablePrice } from '../../src/core/costs/money.js';

t.test('prices are normalised, and their quantity step follows their decimals', async (t) => {
  t.match(parsePrice('0.20'), { text: '0.2', usd: 0.2, scaled: 2, quantityScale: 1e11 });
  t.match(parsePrice('0.0000166667'), { text: '0.0000166667', scaled: 166667, quantityScale: 100 }, 'GB-seconds to the hundredth');
  t.match(parsePrice('-0.0000166667'), { text: '-0.0000166667', scaled: -166667 });
  t.match(parsePrice('007.50'), { text: '7.5', scaled: 75 });
  t.match(parsePrice('-0.00'), { text: '0', scaled: 0 }, 'no negative zero');
  t.match(parsePrice('5'), { text: '5', quantityScale: 1e12 });
  t.throws(() => parsePrice('0.0000000000001'), /at most 12 decimals/);
  t.throws(() => parsePrice('1e-7'), /not a decimal/);
  t.equal(tablePrice('0.09'), tablePrice('0.09'), 'table prices are parsed once');
});

t.test('amounts print as exact decimals without trailing zeros', async (t) => {
  t.equal(formatUsd(25_000_050_000_000), '25.00005');
  t.equal(formatUsd(-6_666_680_000_000), '-6.66668');
  t.equal(formatUsd(0), '0');
  t.equal(formatUsd(1), '0.000000000001');
  t.equal(formatUsd(Number.MAX_SAFE_INTEGER), '9007.199254740991');
  t.equal(formatUsd(123_456_789_012_345_678_901n), '123456789.012345678901');
  t.equal(formatUsd(-1_500_000_000_000n), '-1.5');
  // The decimals are printed four at a time: each group can be the last one with digits.
  t.equal(formatUsd(7_120_000_000_000), '7.12');
  t.equal(formatUsd(7_000_340_000_000), '7.00034');
  t.equal(formatUsd(7_000_000_050_000), '7.00000005');
  t.equal(formatUsd(7_001_000_000_100), '7.0010000001');
  t.equal(formatUsd(9_999_000_000_000), '9.999');
  t.equal(formatUsd(-9_007_000_000_010_000), '-9007.00000001');
});

t.test('a safe integer prints as its BigInt does (two separate ways of printing, digit for digit)', async () => {
  fc.assert(
    fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (pico) => formatUsd(pico) === formatUsd(BigInt(pico))),
    { numRuns: 5000 },
  );
});

t.test('a running total held as dollars and pico-dollars is the exact sum, past 2^53 pico-dollars too', async (t) => {
  const sum = new PicoSum();
  t.equal(sum.total, 0, 'nothing added: 0');
  sum.add(25_000_050_000_000);
  sum.add(-6_666_680_000_000);
  t.equal(sum.total, 18_333_370_000_000, 'a credit comes off exactly');
  // A year of months at the largest safe amount passes 2^53 and comes out as a BigInt, to the pico-dollar.
  for (let month = 0; month < 12; month++) sum.add(Number.MAX_SAFE_INTEGER);
  t.equal(sum.total, 18_333_370_000_000n + 12n * BigInt(Number.MAX_SAFE_INTEGER));
  sum.add(-123_456_789_012_345_678_901n);
  t.equal(formatUsd(sum.total), formatUsd(18_333_370_000_000n + 12n * BigInt(Number.MAX_SAFE_INTEGER) - 123_456_789_012_345_678_901n), 'a BigInt amount, negative');
  // Against BigInt arithmetic on random months, doubles and BigInts mixed, as a projection's horizon meets them.
  const months = fc.array(fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.bigInt({ min: 0n, max: 10n ** 24n })), { maxLength: 120 });
  fc.assert(
    fc.property(months, (amounts) => {
      const running = new PicoSum();
      for (const amount of amounts) running.add(amount);
      const exact = amounts.reduce<bigint>((a, b) => a + BigInt(b), 0n);
      // Exact, and a number exactly while it is a safe integer.
      return BigInt(running.total) === exact && (typeof running.total === 'number') === (exact <= BigInt(Number.MAX_SAFE_INTEGER));
    }),
  );
});

t.test('an amount held as a double prints exactly as the same amount held as a BigInt', async (t) => {
  // The double path strips trailing zeros arithmetically; the BigInt path by text. Both must agree to the digit.
  const amounts = fc.oneof(
    fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    // Round amounts: whole cents, dollars, thousands, with the zeros that come off.
    fc.tuple(fc.integer({ min: -9_007_199, max: 9_007_199 }), fc.integer({ min: 0, max: 9 })).map(([n, zeros]) => n * 10 ** zeros),
  );
  fc.assert(fc.property(amounts, (pico) => formatUsd(pico) === formatUsd(BigInt(pico))), { numRuns: 5000 });
  t.pass('5,000 amounts agree');
  // Where the split into dollars could go wrong: a pico-dollar either side of every whole dollar a double holds.
  let disagreeing = 0;
  for (let dollars = 1; dollars * 1e12 <= Number.MAX_SAFE_INTEGER; dollars++)
    for (const pico of [dollars * 1e12 - 1, dollars * 1e12, dollars * 1e12 + 1]) if (formatUsd(pico) !== formatUsd(BigInt(pico))) disagreeing++;
  t.equal(disagreeing, 0, 'every whole dollar up to $9,007, and a pico-dollar either side');
  t.equal(formatUsd(8_999_999_999_999_999), '8999.999999999999');
});

t.test('sums stay doubles while exact, and become BigInts beyond 2^53', async (t) => {
  t.equal(addPico(1, 2), 3);
  const big = addPico(Number.MAX_SAFE_INTEGER, 1);
  t.equal(typeof big, 'bigint');
  t.equal(big, 9_007_199_254_740_992n);
  t.equal(addPico(5n, 2), 7n);
  t.equal(subPico(5, 7), -2);
  t.equal(subPico(5n, 7n), -2n);
});

t.test('a quantity is rounded to its price step and the amount is its exact product', async (t) => {
  const gbSecond = parsePrice('0.0000166667');
  t.same(priceQuantity(1_500_000, gbSecond), { quantity: 1_500_000, amount: 25_000_050_000_000 }, '$25.00005, the Lambda example');
  t.same(priceQuantity(123.456, gbSecond), { quantity: 123.46, amount: 12_346 * 166_667 }, 'GB-seconds kept to the hundredth');
  // 98,765.43 hours at $2.0833333333: 9,876,543 × 20,833,333,333 does not fit in a double: a BigInt.
  const hourly = parsePrice('2.0833333333');
  const { quantity, amount } = priceQuantity(98_765.43, hourly);
  t.equal(quantity, 98_765.43);
  t.equal(amount, 9_876_543n * 20_833_333_333n);
  t.equal(formatUsd(amount), '205761.312496707819');
  // Beyond 15 digits of steps a quantity is kept to 15 significant digits, and still multiplies exactly.
  const perMillion = parsePrice('0.2');
  const huge = priceQuantity(123_456_789.123_456_789, perMillion);
  t.equal(huge.quantity, 123_456_789.123457);
  t.equal(huge.amount, 123_456_789_123_457n * 10n ** 5n * 2n);
  t.equal(formatUsd(huge.amount), '24691357.8246914');
  // 38,825.665753424706 ops hours at $80 (a fleet of thousands): steps of 1e-12 hour are 3.9e16, so the
  // quantity keeps 15 digits, 38,825.6657534247, and the line still reads quantity × price = amount.
  const opsHours = priceQuantity(38_825.665753424706, parsePrice('80'));
  t.equal(String(opsHours.quantity), '38825.6657534247');
  t.equal(formatUsd(opsHours.amount), '3106053.260273976');
  t.equal(new Decimal(String(opsHours.quantity)).mul('80').toString(), formatUsd(opsHours.amount));
});

t.test('a bill in its three modes: estimate, exact, itemised', async (t) => {
  const price = parsePrice('0.0000166667');
  const estimate = new Bill('estimate');
  estimate.add('', 1_500_000, 'GB-second', price);
  t.equal(estimate.totalUsd, 1_500_000 * 0.0000166667);
  t.equal(estimate.totalPico, 0, 'an estimate has no exact total');
  t.equal(estimate.lines.length, 0);
  const exact = new Bill('exact');
  exact.add('', 1_500_000, 'GB-second', price);
  t.equal(exact.totalPico, 25_000_050_000_000);
  t.equal(exact.totalUsd, 25.00005);
  t.equal(exact.lines.length, 0, 'an exact bill keeps no lines');
  const itemised = new Bill('itemised');
  itemised.add('compute', 1_500_000, 'GB-second', price);
  t.same(itemised.lines.map(toLineItem), [{ name: 'compute', quantity: 1_500_000, unit: 'GB-second', unitPriceUsd: '0.0000166667', amountUsd: '25.00005' }]);
});

t.test('a pooled credit pays for what was added since a mark, less the plan fee, up to its cap', async (t) => {
  const fee = parsePrice('20');
  const usage = parsePrice('0.6');
  const cap = parsePrice('20');
  for (const mode of ['estimate', 'exact', 'itemised'] as const) {
    const run = (units: number) => {
      const bill = new Bill(mode);
      const mark = bill.mark();
      bill.add('plan', 1, 'month', fee);
      bill.add('usage', units, 'unit', usage);
      const fees = new Bill(mode);
      fees.add('plan', 1, 'month', fee);
      bill.addCredit('credit', cap, mark, { total: fees.totalPico, usd: fees.totalUsd });
      return bill;
    };
    t.equal(run(10).totalUsd, 20, `${mode}: $6 of usage is all covered`);
    t.equal(run(50).totalUsd, 30, `${mode}: $30 of usage, $20 covered`);
    t.equal(run(0).totalUsd, 20, `${mode}: no usage, no credit`);
  }
  const bill = new Bill('itemised');
  const mark = bill.mark();
  bill.add('usage', 10, 'unit', usage);
  bill.addCredit('credit', cap, mark, { total: 0, usd: 0 });
  t.same(bill.lines.map(toLineItem)[1], { name: 'credit', quantity: 1, unit: 'month', unitPriceUsd: '-6', amountUsd: '-6' });
  t.equal(priceOfPico(-6_000_000_000_000).text, '-6');
});
