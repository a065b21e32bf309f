// Reading a profile's text: JavaScript comments in a hand-written JSON profile are named as what they are,
// on their line, rather than read by YAML into a key or a syntax error with no hint.
import t from 'tap';
import { parseDocumentText } from '../../src/core/profile/parse.js';

const hint = /"\/\/" and "\/\* \*\/" comments are JavaScript's: JSON has none and YAML's start with "#"; remove them/;

t.test('a comment line inside a JSON object is reported on its line, not as an unknown field', async (t) => {
  const parsed = parseDocumentText('{\n  "traffic": {"monthlyRequests": 1000000},\n  // the API\n  "execution": {"averageDurationMs": 100}\n}\n');
  t.match(parsed, { ok: false, issues: [{ path: 'line 3', message: hint }] });
  t.equal(parsed.ok === false && parsed.issues.length, 1);
  const inline = parseDocumentText('{"traffic": {"monthlyRequests": 1}, /* later */ "execution": {"averageDurationMs": 1}}');
  t.match(inline, { ok: false, issues: [{ path: 'line 1', message: hint }] });
});

t.test("in block YAML the parser's own error stays first, the hint follows it", async (t) => {
  const parsed = parseDocumentText('// my API\ntraffic:\n  monthlyRequests: 1000000\n');
  t.match(parsed, { ok: false, issues: [{ path: 'line 1', message: /Implicit keys/ }, { path: 'line 1', message: hint }] });
  // A syntax error with no comment anywhere gets no hint.
  const plain = parseDocumentText('traffic: [unclosed');
  t.notOk(plain.ok === false && plain.issues.some((issue) => hint.test(issue.message)));
});

t.test('slashes that are not comments pass: URLs, and text inside quotes or words', async (t) => {
  t.match(parseDocumentText('name: "see https://example.com/a//b"\ntraffic: {monthlyRequests: 1}\n'), { ok: true, value: { name: 'see https://example.com/a//b' } });
  t.match(parseDocumentText('name: cache // queue\n'), { ok: true, value: { name: 'cache // queue' } });
  // A key with slashes in it that no comment explains is left to the schema, which names it unknown.
  t.match(parseDocumentText('{"traffic//x": 1}'), { ok: true, value: { 'traffic//x': 1 } });
});

t.test('two YAML documents in one profile: the line the second starts on, and what to do', async (t) => {
  t.same(parseDocumentText('traffic: { monthlyRequests: 1000 }\nexecution: { averageDurationMs: 10 }\n---\nname: another\n'), {
    ok: false,
    issues: [{ path: 'line 3', message: 'a profile is one YAML document and another starts here (after "---"); give each profile a file of its own' }],
  });
});
