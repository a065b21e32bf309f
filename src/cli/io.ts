// What the CLI touches of the outside world, passed in so tests can run it in-process.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  appendFile: (path: string, text: string) => Promise<void>;
  env: NodeJS.ProcessEnv;
  /** YYYY-MM-DD */
  today: string;
  /** Starts the HTTP server (archcalc serve); resolves once it listens. */
  serve: (env: NodeJS.ProcessEnv) => Promise<unknown>;
}

/** Exit codes: 0 all good, 1 a check failed, 2 bad input or usage. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;
