// One way to name a place inside a document, shared by pricing-file errors and HTTP problem details.
import { closestName, fieldNamesAt, valueAt } from './suggest.js';

/** ['services', 2, 'items', 0, 'priceUsd'] → "services[2].items[0].priceUsd" */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}

export interface FieldIssue {
  /** Dotted path of the field, e.g. "traffic.hourlyWeights". */
  path: string;
  message: string;
}

interface ZodLikeIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  keys?: readonly string[];
  values?: readonly unknown[];
}

/** The document an issue list was found in, and the schema it was checked against: what a suggestion needs. */
export interface IssueSource {
  schema: unknown;
  input: unknown;
}

/**
 * Zod issues as field issues; an unknown-keys issue becomes one issue per key, named by its full path. Given
 * the document and its schema, a misspelt field name or option gets the one it most likely meant.
 */
export function toFieldIssues(issues: ReadonlyArray<ZodLikeIssue>, prefix: ReadonlyArray<PropertyKey> = [], source?: IssueSource): FieldIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys' || !issue.keys) return [{ path: formatIssuePath([...prefix, ...issue.path]), message: issue.message + optionMeant(issue, source) }];
    const names = source ? namesMissing(issue.path, source) : [];
    return issue.keys.map((key, i) => {
      // Past the first hundred unknown keys of one object, a body is not misspelt but made up: no suggestions.
      const meant = i < 100 ? closestName(key, names) : undefined;
      return {
        path: formatIssuePath([...prefix, ...issue.path, key]),
        message: `unknown field "${key}" (${meant ? `did you mean "${meant}"?` : 'check its spelling;'} unknown fields are not ignored)`,
      };
    });
  });
}

/** The names the schema accepts at `path` that the document does not have there: a field given is not what a typo meant. */
function namesMissing(path: ReadonlyArray<PropertyKey>, source: IssueSource): string[] {
  const given = valueAt(source.input, path);
  return fieldNamesAt(source.schema, path).filter((name) => !(typeof given === 'object' && given !== null && Object.hasOwn(given, name)));
}

/** "; did you mean "gcp"?" after an option the schema does not offer, where one it offers is close. */
function optionMeant(issue: ZodLikeIssue, source: IssueSource | undefined): string {
  if (issue.code !== 'invalid_value' || !issue.values || !source) return '';
  const given = valueAt(source.input, issue.path);
  if (typeof given !== 'string') return '';
  const meant = closestName(
    given,
    issue.values.filter((v): v is string => typeof v === 'string'),
  );
  return meant ? `; did you mean "${meant}"?` : '';
}
