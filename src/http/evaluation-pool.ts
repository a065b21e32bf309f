// Evaluations off the event loop: a pool of worker threads, each holding the tables, evaluates the profiles the
// routes have validated, so a long batch never stalls /healthz and every core works. Each answer comes back
// already encoded as JSON bytes, in memory the worker shares with the main thread (answer-slots.ts).
import { Worker } from 'node:worker_threads';
import { AnswerSlotReader, answerInSlot, createAnswerSlots, type EncodedAnswer } from './answer-slots.js';
import type { FieldIssue } from '../core/issue-path.js';
import type { WorkloadProfile } from '../core/profile/schema.js';

export interface PoolJob {
  id: number;
  profile: WorkloadProfile;
  /** A ruleset the route has checked exists. */
  ruleset: string;
  today: string;
  tippingPoints: boolean;
}

/**
 * A worker's answer: the evaluation as JSON bytes (in one of its shared slots, or in a buffer it moved), the
 * issues that stop it, or the error it threw.
 */
export type PoolAnswer = { id: number } & (
  | { ok: true; slot: number; length: number }
  | { ok: true; json: ArrayBuffer }
  | { ok: false; issues: FieldIssue[] }
  | { ok: 'error'; message: string }
);

/**
 * An evaluation's JSON bytes, or the issues that stop it. `release` must be called once the bytes are no
 * longer needed (sent, or copied): they may sit in memory the worker will write its next answers into.
 */
export type PoolResult = ({ ok: true } & EncodedAnswer) | { ok: false; issues: FieldIssue[] };

/** The workerData an evaluation worker is started with. */
export interface PoolWorkerData {
  pricingDir: string;
  rulesDir: string;
  /** Where it writes its answers (answer-slots.ts). */
  answerSlots: SharedArrayBuffer;
}

export interface EvaluationPool {
  /** Settles once every worker has loaded the tables; rejects with the first worker's failure to start. */
  ready: Promise<void>;
  evaluate(job: Omit<PoolJob, 'id'>): Promise<PoolResult>;
  close(): Promise<void>;
}

export interface PoolOptions {
  size: number;
  pricingDir: string;
  rulesDir: string;
  /** The worker's script: dist/http/evaluation-worker.js (serve.ts finds it), its source under the tests. */
  workerUrl: URL;
  /** Each worker's young generation in MB (V8's default when absent or 0): see Config.workerYoungGenerationMb. */
  youngGenerationMb?: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (result: PoolResult) => void; reject: (error: Error) => void }>;
  /** A worker that died and could not be replaced takes no more jobs. */
  dead?: boolean;
}

export function startEvaluationPool({ size, pricingDir, rulesDir, workerUrl, youngGenerationMb }: PoolOptions): EvaluationPool {
  const limits = youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } } : {};
  let nextId = 0;
  let closing = false;
  const slots: Slot[] = [];
  const spawn = (index: number): Promise<void> =>
    new Promise((started, failed) => {
      const answerSlots = createAnswerSlots();
      const answers = new AnswerSlotReader(answerSlots);
      const workerData: PoolWorkerData = { pricingDir, rulesDir, answerSlots };
      const slot: Slot = { worker: new Worker(workerUrl, { workerData, ...limits }), pending: new Map() };
      let isReady = false;
      slot.worker.on('message', (answer: PoolAnswer | 'ready') => {
        if (answer === 'ready') {
          isReady = true;
          return started();
        }
        const waiting = slot.pending.get(answer.id)!;
        slot.pending.delete(answer.id);
        if (answer.ok === true && 'slot' in answer) waiting.resolve({ ok: true, ...answerInSlot(answers, answer.slot, answer.length) });
        else if (answer.ok === true) waiting.resolve({ ok: true, json: Buffer.from(answer.json), release: () => undefined });
        else if (answer.ok === false) waiting.resolve({ ok: false, issues: answer.issues });
        else waiting.reject(new Error(answer.message));
      });
      // A worker that dies takes its jobs with it: they fail, and a fresh worker takes its place. One that
      // never got ready fails the pool's start instead (respawning it would only fail again).
      slot.worker.on('error', (error) => {
        for (const { reject } of slot.pending.values()) reject(error);
        slot.pending.clear();
        slot.dead = true;
        if (!isReady) return failed(error);
        if (!closing) spawn(index).catch(() => undefined);
      });
      slots[index] = slot;
    });
  const ready = Promise.all(Array.from({ length: size }, (_, i) => spawn(i))).then(() => undefined);
  return {
    ready,
    evaluate(job) {
      // The least busy live worker takes the job.
      const live = closing ? [] : slots.filter((slot) => !slot.dead);
      if (live.length === 0) return Promise.reject(new Error(closing ? 'the evaluation pool is closed' : 'no evaluation worker is running'));
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<PoolResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ ...job, id } satisfies PoolJob);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** A pool whose every worker is up; one that fails to start is closed and its error thrown. */
export async function openEvaluationPool(options: PoolOptions): Promise<EvaluationPool> {
  const pool = startEvaluationPool(options);
  try {
    await pool.ready;
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}
