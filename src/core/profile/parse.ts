// Text (JSON or YAML) → a validated profile, or the field issues that stop it. Shared by HTTP and CLI.
import { parseDocument } from 'yaml';
import { toFieldIssues, type FieldIssue } from '../issue-path.js';
import { WorkloadProfile } from './schema.js';

export type ParsedProfile = { ok: true; profile: WorkloadProfile } | { ok: false; malformed: boolean; issues: FieldIssue[] };

/** Parsing limits: a profile is small, so anything built to blow up a parser is refused early. */
const YAML_OPTIONS = { maxAliasCount: 50 } as const;

/** Reads a YAML or JSON document (JSON is YAML); malformed text is reported with its line. */
export function parseDocumentText(text: string): { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    return { ok: false, issues: doc.errors.map((e) => ({ path: `line ${e.linePos![0].line}`, message: e.message.split('\n', 1)[0]! })) };
  // Nothing but blank lines and comments: say so, rather than that null is not an object.
  if (doc.contents === null) return { ok: false, issues: [{ path: '(document)', message: 'the document is empty; a profile needs at least traffic and execution' }] };
  try {
    return { ok: true, value: doc.toJS(YAML_OPTIONS) };
  } catch (error) {
    return { ok: false, issues: [{ path: '(document)', message: (error as Error).message }] };
  }
}

export function validateProfile(value: unknown): ParsedProfile {
  const result = WorkloadProfile.safeParse(value);
  return result.success ? { ok: true, profile: result.data } : { ok: false, malformed: false, issues: toFieldIssues(result.error.issues) };
}
