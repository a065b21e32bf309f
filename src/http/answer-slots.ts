// Shared memory an evaluation worker writes its answers into and the main thread sends them from. A fresh
// ~165 KB buffer per answer, moved between threads, made the main thread's external memory grow by that
// much per request until V8 ran a full collection (~3 a second under load, ~20 ms of marking each); a few
// slots reused for every answer make none. Each slot has a flag: the worker takes a free slot (0 → 1) before
// writing it, the main thread frees it (1 → 0) once the socket is done with the bytes. A worker that finds
// no free slot, or an answer too long for one, moves a buffer of its own as before.

/** Slots per worker: enough for the answers a worker has waiting to be sent at a time; more fall back. */
export const SLOT_COUNT = 8;
/** Bytes per slot: an evaluation over 36 months is ~165 KB, over 120 months ~400 KB. */
export const SLOT_BYTES = 1 << 20;

/** The flags (one Int32 per slot), then the slots. Allocated by the main thread, given to one worker. */
export function createAnswerSlots(count = SLOT_COUNT, bytesEach = SLOT_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(flagBytes(count) + count * bytesEach);
}

/** The flags' bytes, rounded up to 8 so that every slot starts aligned. */
const flagBytes = (count: number) => Math.ceil((count * 4) / 8) * 8;

interface Layout {
  flags: Int32Array;
  bytesEach: number;
  offsetOf: (slot: number) => number;
}

function layout(memory: SharedArrayBuffer, count: number): Layout {
  const bytesEach = (memory.byteLength - flagBytes(count)) / count;
  return { flags: new Int32Array(memory, 0, count), bytesEach, offsetOf: (slot) => flagBytes(count) + slot * bytesEach };
}

/** The worker's side: copies an answer into a free slot. */
export class AnswerSlotWriter {
  private readonly layout: Layout;
  private next = 0;

  constructor(
    private readonly memory: SharedArrayBuffer,
    count = SLOT_COUNT,
  ) {
    this.layout = layout(memory, count);
  }

  /** The slot now holding `bytes`, or undefined when they do not fit one or every slot is still being sent. */
  write(bytes: Uint8Array): number | undefined {
    const { flags, bytesEach, offsetOf } = this.layout;
    if (bytes.length > bytesEach) return undefined;
    for (let tried = 0; tried < flags.length; tried++) {
      const slot = (this.next + tried) % flags.length;
      if (Atomics.compareExchange(flags, slot, 0, 1) !== 0) continue;
      new Uint8Array(this.memory, offsetOf(slot), bytes.length).set(bytes);
      // A sequentially consistent write after the bytes: the main thread's read of the flag orders them.
      Atomics.store(flags, slot, 1);
      this.next = (slot + 1) % flags.length;
      return slot;
    }
    return undefined;
  }
}

/** The main thread's side: the bytes of a slot, and freeing it once they are sent. */
export class AnswerSlotReader {
  private readonly layout: Layout;

  constructor(
    private readonly memory: SharedArrayBuffer,
    count = SLOT_COUNT,
  ) {
    this.layout = layout(memory, count);
  }

  /** A view of the answer in `slot` (no copy): valid until `free(slot)`. */
  bytes(slot: number, length: number): Buffer {
    // Read for its ordering alone: the worker's bytes, written before it set the flag, are seen whole.
    Atomics.load(this.layout.flags, slot);
    return Buffer.from(this.memory, this.layout.offsetOf(slot), length);
  }

  free(slot: number): void {
    Atomics.store(this.layout.flags, slot, 0);
  }
}

/** JSON bytes ready to send, and what frees the memory they sit in once sent (nothing, for a buffer of their own). */
export interface EncodedAnswer {
  json: Buffer;
  release: () => void;
}

/** The answer in `slot` of `reader`'s memory, freed at the first call of its release. */
export function answerInSlot(reader: AnswerSlotReader, slot: number, length: number): EncodedAnswer {
  let released = false;
  const release = () => {
    if (!released) reader.free(slot);
    released = true;
  };
  return { json: reader.bytes(slot, length), release };
}
