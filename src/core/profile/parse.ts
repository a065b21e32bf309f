// Text (JSON or YAML) → a validated profile, or the field issues that stop it. Shared by HTTP and CLI.
import { parseDocument } from 'yaml';
import { toFieldIssues, type FieldIssue } from '../issue-path.js';
import { WorkloadProfile } from './schema.js';

export type ParsedProfile = { ok: true; profile: WorkloadProfile } | { ok: false; malformed: boolean; issues: FieldIssue[] };

/** Parsing limits: a profile is small, so anything built to blow up a parser is refused early. */
const YAML_OPTIONS = { maxAliasCount: 50 } as const;

/**
 * A JavaScript comment, `//` or `/*`, at the start of a line or after whitespace or punctuation: neither JSON
 * nor YAML has them, yet hand-written JSON profiles carry them. YAML reads one as text, so a comment line in
 * a JSON object becomes part of the next key ("// my API \"traffic\"") and one in a block is a syntax error.
 */
const JS_COMMENT = /(^|[\s,{[])(\/\/|\/\*)/;

/** The first line holding a JavaScript comment, as an issue that says what to do with it. */
function commentIssue(text: string): FieldIssue | undefined {
  const line = text.split('\n').findIndex((l) => JS_COMMENT.test(l));
  if (line < 0) return undefined;
  return { path: `line ${line + 1}`, message: '"//" and "/* */" comments are JavaScript\'s: JSON has none and YAML\'s start with "#"; remove them' };
}

/** Whether a key of `value`, at the depths a profile has, holds a comment's opening: no field is named so. */
function hasCommentKey(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 4) return false;
  if (Array.isArray(value)) return value.some((item) => hasCommentKey(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('//') || key.includes('/*') || hasCommentKey(item, depth + 1));
}

/** Reads a YAML or JSON document (JSON is YAML); malformed text is reported with its line. */
export function parseDocumentText(text: string): { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      path: `line ${e.linePos![0].line}`,
      // The parser's own words for this one name a call of its API, not what to change in the text.
      message:
        e.code === 'MULTIPLE_DOCS'
          ? 'a profile is one YAML document and another starts here (after "---"); give each profile a file of its own'
          : e.message.split('\n', 1)[0]!,
    }));
    const comment = commentIssue(text);
    return { ok: false, issues: comment ? [...issues, comment] : issues };
  }
  // Nothing but blank lines and comments: say so, rather than that null is not an object.
  if (doc.contents === null) return { ok: false, issues: [{ path: '(document)', message: 'the document is empty; a profile needs at least traffic and execution' }] };
  let value: unknown;
  try {
    value = doc.toJS(YAML_OPTIONS);
  } catch (error) {
    return { ok: false, issues: [{ path: '(document)', message: (error as Error).message }] };
  }
  // A comment read into a key: the line it is on, rather than an unknown field named after the comment.
  const comment = hasCommentKey(value) ? commentIssue(text) : undefined;
  return comment ? { ok: false, issues: [comment] } : { ok: true, value };
}

export function validateProfile(value: unknown): ParsedProfile {
  const result = WorkloadProfile.safeParse(value);
  return result.success ? { ok: true, profile: result.data } : { ok: false, malformed: false, issues: toFieldIssues(result.error.issues, [], { schema: WorkloadProfile, input: value }) };
}
