// One way to name a place inside a document, shared by pricing-file errors and HTTP problem details.

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
}

/** Zod issues as field issues; an unknown-keys issue becomes one issue per key, named by its full path. */
export function toFieldIssues(issues: ReadonlyArray<ZodLikeIssue>, prefix: ReadonlyArray<PropertyKey> = []): FieldIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({
          path: formatIssuePath([...prefix, ...issue.path, key]),
          message: `unknown field "${key}" (check its spelling; unknown fields are not ignored)`,
        }))
      : [{ path: formatIssuePath([...prefix, ...issue.path]), message: issue.message }],
  );
}
