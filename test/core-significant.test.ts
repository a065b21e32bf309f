// toSignificant is Number(value.toPrecision(digits)) without the decimal text: checked against it bit for bit.
// compactCount and plainNumber, built on it, write the counts and rates people read.
import t from 'tap';
import fc from 'fast-check';
import { compactCount, plainNumber, toSignificant } from '../src/core/significant.js';

const viaText = (value: number, digits: number) => Number(value.toPrecision(digits));

t.test('examples: rounding, ties, powers of ten and values it leaves to toPrecision', async (t) => {
  t.equal(toSignificant(48.99999999, 6), 49);
  t.equal(toSignificant(123.4565, 6), 123.457, 'above a tie');
  t.equal(toSignificant(2.5, 1), 3, 'an exact tie, decided by toPrecision: half away from zero');
  t.equal(toSignificant(-2.5, 1), -3);
  t.equal(toSignificant(999999.7, 6), 1_000_000, 'rounding up to the next power of ten');
  t.equal(toSignificant(1000, 6), 1000);
  t.equal(toSignificant(1e21, 6), 1e21);
  t.equal(toSignificant(0.000123456789, 4), 0.0001235, 'below 1');
  t.equal(toSignificant(0, 6), 0);
  t.equal(toSignificant(5e22, 3), 5e22, 'beyond 10^22');
  t.equal(toSignificant(1234567.25, 16), 1234567.25, 'more than 15 digits');
  t.ok(Number.isNaN(toSignificant(NaN, 6)));
  t.equal(toSignificant(Infinity, 6), Infinity);
});

t.test('any double, any 1–15 digits: the same double as through toPrecision', async () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 15 }), (value, digits) => Object.is(toSignificant(value, digits), viaText(value, digits))),
    { numRuns: 20_000 },
  );
});

t.test('values near ties and near powers of ten (where a fast path could slip)', async () => {
  const nearTie = fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: -3, max: 3 })).map(([whole, places, ulps]) => {
    let value = (whole + 0.5) / 10 ** places;
    for (let i = 0; i < Math.abs(ulps); i++) value = ulps > 0 ? value + value * Number.EPSILON : value - value * Number.EPSILON;
    return value;
  });
  const nearPower = fc.tuple(fc.integer({ min: 0, max: 21 }), fc.integer({ min: -3, max: 3 })).map(([k, ulps]) => 10 ** k * (1 + ulps * Number.EPSILON));
  fc.assert(
    fc.property(fc.oneof(nearTie, nearPower), fc.integer({ min: 1, max: 15 }), (value, digits) => Object.is(toSignificant(value, digits), viaText(value, digits))),
    { numRuns: 20_000 },
  );
});

t.test('counts read with a suffix and three significant digits, rounded before the suffix is chosen', async (t) => {
  for (const [count, text] of [
    [0.263, '0.263'],
    [1, '1'],
    [999, '999'],
    [999.7, '1k'],
    [12_345, '12.3k'],
    [41_200_000, '41.2M'],
    [999_999, '1M'],
    [2_500_000_000, '2.5B'],
    [1e12, '1T'],
    [3.14159e13, '31.4T'],
  ] as const)
    t.equal(compactCount(count), text, String(count));
});

t.test('rates read as toPrecision writes them, without its exponents', async (t) => {
  for (const [value, text] of [
    [3.80517503805175e-7, '0.000000381'],
    [0.0038, '0.00380'],
    [1.5, '1.50'],
    [100, '100'],
    [380517.503805175, '381000'],
    [1e-7, '0.000000100'],
  ] as const)
    t.equal(plainNumber(value), text, String(value));
  t.equal(plainNumber(123_456_789, 4), '123500000');
  // Whatever it writes reads back as toPrecision's number.
  fc.assert(
    fc.property(fc.double({ min: 1e-12, max: 1e15, noNaN: true }), fc.integer({ min: 1, max: 6 }), (value, digits) => {
      const text = plainNumber(value, digits);
      return !/e/.test(text) && Number(text) === Number(value.toPrecision(digits));
    }),
    { numRuns: 5_000 },
  );
});
