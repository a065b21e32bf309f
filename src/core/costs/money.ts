// Exact money for the loops: an amount is a whole number of pico-dollars (1e-12 USD). It is a plain number
// while it stays below 2^53 (any amount under $9,007) — integer arithmetic on doubles is exact there — and
// a BigInt beyond. Prices have at most 10 decimals (the schemas say so), and a quantity is rounded to the
// step that makes quantity × price a whole number of pico-dollars, so every product and sum stays exact.

/** USD × 10^12, exactly. */
export type Pico = number | bigint;

const PICO_DIGITS = 12;
const PICO_PER_USD_BIG = 10n ** 12n;
/** Prices with more decimals than this are refused by the schemas: quantities keep at least two. */
export const MAX_PRICE_DECIMALS = 10;
/** A price as the pricing files and profiles write it: at most 5 integer digits and 10 decimals. */
export const PRICE_PATTERN = /^\d{1,5}(\.\d{1,10})?$/;

export interface Price {
  /** The price as shown, normalised ("0.20" → "0.2", "-0.0000166667"). */
  readonly text: string;
  /** As a float: only for estimates that rank choices, never for a bill. */
  readonly usd: number;
  /** The price × 10^decimals, an integer (exact as a double: at most 15 digits). */
  readonly scaled: number;
  readonly scaledBig: bigint;
  /** Quantities are counted in steps of 1 / quantityScale = 10^-(12 − decimals): quantity × price lands on a pico-dollar. */
  readonly quantityScale: number;
}

function makePrice(negative: boolean, whole: string, fraction: string): Price {
  const decimals = fraction.replace(/0+$/, '');
  const digits = `${whole}${decimals}`.replace(/^0+(?=\d)/, '');
  const isZero = /^0*$/.test(digits);
  const sign = negative && !isZero ? '-' : '';
  const text = `${sign}${whole.replace(/^0+(?=\d)/, '')}${decimals ? `.${decimals}` : ''}`;
  const scaledBig = BigInt(`${sign}${digits}`);
  return { text, usd: Number(text), scaled: Number(scaledBig), scaledBig, quantityScale: 10 ** (PICO_DIGITS - decimals.length) };
}

/** A price from its decimal text, e.g. "0.0000166667" or "-0.2". */
export function parsePrice(text: string): Price {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[3] ?? '').replace(/0+$/, '').length > PICO_DIGITS)
    throw new RangeError(`price ${JSON.stringify(text)} is not a decimal with at most ${PICO_DIGITS} decimals`);
  return makePrice(match[1] === '-', match[2]!, match[3] ?? '');
}

/** Price strings of the loaded tables (a bounded set) are parsed once. */
const tablePrices = new Map<string, Price>();
export function tablePrice(text: string): Price {
  let price = tablePrices.get(text);
  if (!price) tablePrices.set(text, (price = parsePrice(text)));
  return price;
}

/** The price whose text is the amount `pico`: for credits computed from other lines. */
export function priceOfPico(pico: Pico): Price {
  return parsePrice(formatUsd(pico));
}

/** An amount as a decimal string in USD, exact and without trailing zeros: 25000050000000 → "25.00005". */
export function formatUsd(pico: Pico): string {
  if (typeof pico === 'bigint') {
    const negative = pico < 0n;
    const magnitude = negative ? -pico : pico;
    return joinUsd(negative, (magnitude / PICO_PER_USD_BIG).toString(), (magnitude % PICO_PER_USD_BIG).toString());
  }
  // A safe integer splits exactly into whole dollars and pico-dollars: below 2^53 pico-dollars (under $9,008)
  // a quotient one pico-dollar short of a whole number is more than half a float step from it, so the floor
  // of the division is never rounded up across it.
  const negative = pico < 0;
  const magnitude = negative ? -pico : pico;
  const whole = Math.floor(magnitude / 1e12);
  const fraction = magnitude - whole * 1e12;
  if (fraction === 0) return negative ? `-${whole}` : String(whole);
  // A safe integer of pico-dollars is under $9,008: its whole dollars are always in the table.
  const text = WHOLE_DOT[whole]! + twelveDecimals(fraction);
  return negative ? `-${text}` : text;
}

/**
 * Each of 0…9999 as four digits, and the same without trailing zeros ('' for 0, never read); and each whole
 * number of dollars below 10,000 with its decimal point. A projection prints over a thousand amounts: text
 * read from tables in a few large pieces costs less than many small ones joined (each join makes a string).
 */
const DIGITS = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));
const DIGITS_TRIMMED = DIGITS.map((digits) => digits.replace(/0+$/, ''));
const WHOLE_DOT = DIGITS.map((_, n) => `${n}.`);

/**
 * The twelve decimals of a whole number of pico-dollars below 10^12 (not 0), without trailing zeros, four
 * digits at a time. (A quotient of an integer below 10^12 by 10^4 or 10^8 is never rounded up to the next
 * integer, so each group is exact.)
 */
function twelveDecimals(fraction: number): string {
  const high = Math.floor(fraction / 1e8);
  const rest = fraction - high * 1e8;
  const middle = Math.floor(rest / 1e4);
  const low = rest - middle * 1e4;
  if (low !== 0) return DIGITS[high]! + DIGITS[middle]! + DIGITS_TRIMMED[low]!;
  return middle !== 0 ? DIGITS[high]! + DIGITS_TRIMMED[middle]! : DIGITS_TRIMMED[high]!;
}

function joinUsd(negative: boolean, whole: string, fraction: string): string {
  const decimals = trimZeros(fraction.padStart(PICO_DIGITS, '0'));
  return `${negative ? '-' : ''}${whole}${decimals ? `.${decimals}` : ''}`;
}

/** "250000" → "25": the digits without trailing zeros. */
function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/** a + b, exactly. */
export function addPico(a: Pico, b: Pico): Pico {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return BigInt(a) + BigInt(b);
}

/** a − b, exactly. */
export function subPico(a: Pico, b: Pico): Pico {
  return addPico(a, -b);
}

const PICO_PER_USD = 1e12;

/**
 * An exact running total kept as whole dollars and the pico-dollars beyond them: two doubles that stay
 * exact (dollars below 2^53, and the remainders of up to ~9,000 amounts), where one number of pico-dollars
 * becomes a BigInt past $9,007. A projection's horizon passes that in a modest profile, and a BigInt in the
 * months' loop leaves V8's code for it slower in every evaluation after (the bench's other profiles cost
 * the headline ~4% that way).
 */
export class PicoSum {
  private declare dollars: number;
  private declare pico: number;

  constructor() {
    this.dollars = 0;
    this.pico = 0;
  }

  add(amount: Pico): void {
    if (typeof amount === 'number') {
      // A safe integer splits exactly (see formatUsd).
      const dollars = Math.floor(amount / PICO_PER_USD);
      this.dollars += dollars;
      this.pico += amount - dollars * PICO_PER_USD;
      return;
    }
    const dollars = amount / PICO_PER_USD_BIG;
    this.dollars += Number(dollars);
    this.pico += Number(amount - dollars * PICO_PER_USD_BIG);
  }

  /** The total so far, exactly: a number while it is a safe integer, a BigInt beyond. */
  get total(): Pico {
    const total = this.dollars * PICO_PER_USD + this.pico;
    // Below 2^53 the product and the sum are both exact; past it the float can only be past it too.
    return Number.isSafeInteger(total) ? total : BigInt(this.dollars) * PICO_PER_USD_BIG + BigInt(this.pico);
  }
}

export interface Priced {
  /** The quantity as shown: a multiple of the price's quantity step, at most 15 significant digits. */
  quantity: number;
  /** quantity × price, exactly. */
  amount: Pico;
}

/** `quantity` rounded to the price's step, and its amount. */
export function priceQuantity(quantity: number, price: Price): Priced {
  const units = Math.round(quantity * price.quantityScale);
  if (units < 1e15) {
    const amount = units * price.scaled;
    return {
      quantity: units / price.quantityScale,
      amount: Math.abs(amount) <= Number.MAX_SAFE_INTEGER ? amount : BigInt(units) * price.scaledBig,
    };
  }
  return priceHugeQuantity(units, price);
}

/** priceQuantity(quantity, price).amount, without building the pair: exact bills total thousands of these. */
export function amountOf(quantity: number, price: Price): Pico {
  // A free line (usage a plan includes) is worth nothing however large, and needs no rounding to show.
  if (price.scaled === 0) return 0;
  const units = Math.round(quantity * price.quantityScale);
  if (units < 1e15) {
    const amount = units * price.scaled;
    if (Math.abs(amount) <= Number.MAX_SAFE_INTEGER) return amount;
  }
  return priceQuantity(quantity, price).amount;
}

/**
 * Beyond 15 digits of steps a double cannot show the quantity exactly: round it to 15 significant digits.
 * The quantity is read from those digits with its decimal point already in place (the step is 10^-stepDigits):
 * a double holds any 15-digit decimal exactly enough to print it back, where dividing by the scale would not.
 */
function priceHugeQuantity(units: number, price: Price): Priced {
  const [mantissa, exponent] = units.toExponential(14).split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const shift = Number(exponent) - 14;
  const exactUnits = BigInt(digits) * 10n ** BigInt(shift);
  const stepDigits = Math.round(Math.log10(price.quantityScale));
  return { quantity: Number(`${digits}e${shift - stepDigits}`), amount: exactUnits * price.scaledBig };
}
