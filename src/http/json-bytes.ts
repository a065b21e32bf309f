// JSON as UTF-8 bytes, the same bytes as Buffer.from(JSON.stringify(value)), written in pieces. V8 builds a
// long JSON.stringify result as a chain of parts that its first reader must join into one string: for an
// evaluation's ~165 KB that join made encoding the fresh text ~0.7 ms, 7× encoding the same text once joined.
// Stringified member by member (each option on its own), no piece is long and the whole takes half the time.
const encoder = new TextEncoder();

/**
 * Arrays and plain objects (not one that chooses its own JSON with a toJSON, nor a boxed number or a Map) are
 * written part by part; every other value is one piece, as JSON.stringify writes it.
 */
function splittable(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export class JsonBytesWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /**
   * The JSON of `value` as UTF-8: a view of this writer's buffer, valid until its next call (copy it to keep it).
   * Split two levels down: an evaluation's options are one piece each, as are the members of its other objects.
   */
  bytes(value: unknown): Uint8Array {
    this.length = 0;
    if (!this.write(value, 2)) throw new TypeError(`${typeof value} has no JSON`);
    return this.buffer.subarray(0, this.length);
  }

  /** Writes the JSON of `value`, split `depth` levels down; false, writing nothing, when JSON has nothing for it. */
  private write(value: unknown, depth: number): boolean {
    if (depth === 0 || !splittable(value)) {
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return false;
      this.put(text);
      return true;
    }
    if (Array.isArray(value)) {
      this.put('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.put(',');
        if (!this.write(value[i], depth - 1)) this.put('null');
      }
      this.put(']');
      return true;
    }
    let separator = '{';
    for (const key of Object.keys(value)) {
      const member = value[key];
      // A member JSON leaves out (undefined, a function) is left out with its key.
      const split = depth > 1 && splittable(member);
      const text = split ? '' : (JSON.stringify(member) as string | undefined);
      if (text === undefined) continue;
      this.put(`${separator}${JSON.stringify(key)}:`);
      if (split) this.write(member, depth - 1);
      else this.put(text);
      separator = ',';
    }
    this.put(separator === '{' ? '{}' : '}');
    return true;
  }

  private put(text: string): void {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
      if (read === text.length) {
        this.length += written;
        return;
      }
      // Too little room: a buffer with room for the whole piece (at most 3 bytes per UTF-16 unit), and again.
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
  }
}
