// JsonBytesWriter writes JSON in pieces for speed; its bytes must be Buffer.from(JSON.stringify(value))'s, always.
import t from 'tap';
import fc from 'fast-check';
import { evaluate } from '../../src/core/evaluate.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { JsonBytesWriter } from '../../src/http/json-bytes.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';

const viaStringify = (value: unknown) => Buffer.from(JSON.stringify(value));
const same = (writer: JsonBytesWriter, value: unknown) => Buffer.from(writer.bytes(value)).equals(viaStringify(value));

t.test('an evaluation: the same bytes as JSON.stringify, non-ASCII text included', async (t) => {
  const profile = WorkloadProfile.parse({ traffic: { monthlyRequests: 10_000_000, pattern: 'diurnal', growthPercentPerMonth: 2 }, execution: { averageDurationMs: 100, memoryMb: 512 } });
  const result = evaluate(profile, { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25', tippingPoints: true });
  t.ok(result.ok);
  const evaluation = result.ok ? result.evaluation : undefined;
  t.match(JSON.stringify(evaluation), /×/, 'the summary has a non-ASCII character (peak 1.50× the average)');
  // A writer starting with 16 bytes grows many times over the ~165 KB; one writer is reused.
  const writer = new JsonBytesWriter(16);
  t.ok(same(writer, evaluation));
  t.ok(same(writer, { small: 'again' }), 'a later, smaller value is not followed by the earlier bytes');
  t.ok(same(writer, evaluation));
});

t.test('what JSON.stringify leaves out or writes as null, at every level it splits', async (t) => {
  const writer = new JsonBytesWriter(1);
  const cases: unknown[] = [
    { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
    { nested: { a: undefined, f: () => 1, arr: [undefined, () => 1, Symbol('s'), null] } },
    [undefined, () => 1, { deep: [undefined] }],
    { empty: {}, none: [], only: { gone: undefined } },
    { when: new Date(Date.UTC(2026, 10, 27)), inner: { when: new Date(0) } },
    { chooses: { toJSON: () => 'mine' }, refuses: { toJSON: () => undefined }, list: [{ toJSON: () => undefined }] },
    { boxed: [Object(3), Object('text'), Object(false)], map: new Map([[1, 2]]), bare: Object.create(null) },
    { '1': 'integer-like keys first', b: 2, '0': 'then in order', 'quote"d': '\u2028 and \ud800 lone surrogate' },
    'a string',
    42,
    null,
  ];
  cases.forEach((value, index) => t.ok(same(writer, value), `case ${index}`));
  t.throws(() => writer.bytes(undefined), /undefined has no JSON/);
  t.throws(() => writer.bytes(() => 1), /function has no JSON/);
});

t.test('any JSON-like value: the same bytes (fast-check)', async () => {
  const writer = new JsonBytesWriter(8);
  const value = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, maxDepth: 4 });
  fc.assert(
    fc.property(value, (v) => {
      if (JSON.stringify(v) === undefined) return true;
      return same(writer, v);
    }),
    { numRuns: 5_000 },
  );
});
