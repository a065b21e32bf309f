// Field types every part of a pricing file shares: money, sources, dates and ids.
import { z } from 'zod';
import { PRICE_PATTERN } from '../costs/money.js';

/** A non-negative decimal amount in USD, written as a string so no digit is lost to binary floats. */
// At most 5 integer digits and 10 decimals: the engine's exact money (costs/money.ts) relies on it.
export const UsdString = z
  .string()
  .regex(PRICE_PATTERN, 'must be a non-negative decimal string with at most 5 integer digits and 10 decimals, such as "0.0000166667"')
  .describe('USD amount as a decimal string (at most 5 integer digits and 10 decimals)');

export const SourceUrl = z.url({ protocol: /^https$/ }).describe('The provider page this figure was read from');
export const IsoDate = z.iso.date().describe('A date as YYYY-MM-DD');
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and dashes');
