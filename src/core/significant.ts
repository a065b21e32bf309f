// A number shown to a few significant digits, as Number(value.toPrecision(digits)) gives it: that call
// converts through decimal text (V8's bignum path, ~0.2 µs), and an evaluation shows dozens of such numbers.

/** 10^k for k = 0…22: every one exact as a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Number(value.toPrecision(digits)), to the bit. A value from 1 to 10^22 shown to at most 15 digits is scaled
 * by a power of ten (one rounding, at most half a unit in the last place), rounded to a whole number and
 * divided back: the quotient of two exact doubles is the double nearest the decimal the text would spell, so
 * the two agree wherever the rounding direction does — everywhere but within a few units in the last place
 * of a tie, which is left to toPrecision, as are values below 1, beyond 10^22, and larger than their digits.
 */
export function toSignificant(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  if (!(magnitude >= 1 && magnitude < 1e22) || digits > 15) return Number(value.toPrecision(digits));
  // The decimal exponent, counted against exact powers (log10 can miss by one next to a power of ten); the
  // numbers shown are mostly below 10^4, so the count is short.
  let exponent = 0;
  while (exponent < 21 && magnitude >= POWERS_OF_TEN[exponent + 1]!) exponent++;
  // At most 14 (15 digits, exponent ≥ 0); below 0 the value has more whole digits than are shown.
  const shift = digits - 1 - exponent;
  if (shift < 0) return Number(value.toPrecision(digits));
  const scale = POWERS_OF_TEN[shift]!;
  const scaled = magnitude * scale;
  const whole = Math.floor(scaled);
  if (Math.abs(scaled - whole - 0.5) <= scaled * Number.EPSILON * 4) return Number(value.toPrecision(digits));
  const rounded = (scaled - whole < 0.5 ? whole : whole + 1) / scale;
  return value < 0 ? -rounded : rounded;
}

const COUNT_SUFFIXES = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
] as const;

/**
 * A count as the evaluation's words, the CLI, the chart and the page show it: three significant digits and a
 * suffix (41.2M, 2.5B, 1T, 12.3k, 950). Rounded first, so 999,999 reads 1M rather than 1000k.
 */
export function compactCount(count: number): string {
  const rounded = toSignificant(count, 3);
  for (const [size, suffix] of COUNT_SUFFIXES) if (rounded >= size) return `${toSignificant(rounded / size, 3)}${suffix}`;
  return String(rounded);
}

/**
 * `value` to `digits` significant digits as toPrecision writes it, but never in exponent notation: a side
 * project's 3.81e-7 requests a second reads 0.000000381, a firehose's 3.81e+5 reads 381000.
 */
export function plainNumber(value: number, digits = 3): string {
  const text = value.toPrecision(digits);
  if (!text.includes('e')) return text;
  const rounded = toSignificant(value, digits);
  return rounded.toFixed(Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded)))));
}
