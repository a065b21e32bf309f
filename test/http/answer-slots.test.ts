// The slots a worker writes answers into and the main thread sends them from: taken, read, freed, reused —
// and refused (so the worker moves a buffer of its own) when all are taken or an answer is too long.
import t from 'tap';
import { AnswerSlotReader, AnswerSlotWriter, createAnswerSlots, SLOT_BYTES, SLOT_COUNT } from '../../src/http/answer-slots.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);

t.test('an answer written into a slot reads back from it without a copy, until the slot is freed', async (t) => {
  const memory = createAnswerSlots(3, 16);
  t.equal(memory.byteLength, 16 + 3 * 16, 'three Int32 flags, rounded up to 16 bytes (a multiple of 8), then the slots');
  const writer = new AnswerSlotWriter(memory, 3);
  const reader = new AnswerSlotReader(memory, 3);
  const first = writer.write(bytesOf('{"a":1}'))!;
  const second = writer.write(bytesOf('{"b":22}'))!;
  t.not(first, second);
  t.equal(reader.bytes(first, 7).toString(), '{"a":1}');
  t.equal(reader.bytes(second, 8).toString(), '{"b":22}');
  t.ok(reader.bytes(first, 7).buffer instanceof SharedArrayBuffer, 'a view of the shared memory');
  const third = writer.write(bytesOf('{}'))!;
  t.equal(writer.write(bytesOf('{}')), undefined, 'every slot taken: the worker must send its own buffer');
  reader.free(second);
  t.equal(writer.write(bytesOf('{"c":3}')), second, 'a freed slot is taken again');
  t.equal(reader.bytes(second, 7).toString(), '{"c":3}');
  reader.free(first);
  reader.free(third);
  t.equal(writer.write(new Uint8Array(17)), undefined, 'longer than a slot');
  t.ok([first, third].includes(writer.write(new Uint8Array(16))!), 'exactly a slot, in one of those freed');
});

t.test('the defaults: 8 slots of 1 MB, enough for a 120-month answer', async (t) => {
  t.equal(SLOT_COUNT, 8);
  t.equal(SLOT_BYTES, 1 << 20);
  const memory = createAnswerSlots();
  const writer = new AnswerSlotWriter(memory);
  const taken = Array.from({ length: SLOT_COUNT }, () => writer.write(new Uint8Array(400_000)));
  t.same([...taken].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
  t.equal(writer.write(new Uint8Array(1)), undefined);
});
