// One tipping-point search: step out from the current value in both directions, nearest first, bisect the
// step where the answer changed, and put the flip on a limit or a rule's threshold when one explains it.
import { bisectFlip, VOLUME_GRID } from '../costs/break-even.js';
import { toSignificant } from '../significant.js';
import type { Answer, Input } from './inputs.js';

/** How a search steps and how finely it bisects. */
export interface Search {
  answerAt(value: number): Answer;
  /** Step along the break-even's own volume grid (×4), so both searches bracket the same crossing; else by `step`. */
  volumeGrid: boolean;
  step: number;
  /** Relative width the bisection stops at. */
  tolerance: number;
  /** Whether an input set in whole units is bisected to the unit rather than to `tolerance`. */
  wholeUnits: boolean;
  /** Values a flip found next to is put on, when the answer changes right there. */
  limits: readonly number[];
}

/**
 * A value of the input as a tipping point shows it: whole (requests, MB) or to 4 significant digits. Searches
 * probe only such values, so the flip shown is a value probed, where the answer found holds: a flip rounded
 * after the search could land where costs step and the verdict turns back for a window narrower than the
 * rounding (traditional from 1215.05 to 1215.4 ms only, serverless again down to 1210.5 ms).
 */
const shownValue = (input: Input) => input.scale?.shown ?? (input.integer ? Math.round : (value: number) => toSignificant(value, 4));

/** The values a search probes in each direction from `start`, nearest first, within the input's range. */
function gridFrom(input: Input, start: number, { volumeGrid, step }: Search): number[][] {
  if (volumeGrid)
    return [VOLUME_GRID.filter((v) => v > start && v <= input.high), [...VOLUME_GRID].reverse().filter((v) => v < start && v >= input.low)];
  const shown = shownValue(input);
  return [step, 1 / step].map((factor) => {
    const points: number[] = [];
    for (let v = start * factor; points.length < 12; v *= factor) {
      const bounded = Math.min(Math.max(shown(v), input.low), input.high);
      if (bounded === (points.at(-1) ?? start)) break;
      points.push(bounded);
    }
    return points;
  });
}

/**
 * The nearest value of `input` at which the search's answer stops being `now`: stepping up and down from
 * the current value, nearest points first, then bisecting the step where the answer changed. A direction is
 * scanned no further than a flip already found in the other could be beaten: whatever lies past that is
 * farther. Each flip that could still be the nearest is bisected, and the nearer one is kept.
 */
export function searchInput(input: Input, search: Search, now: Answer) {
  const { answerAt } = search;
  const start = Math.min(Math.max(input.current, input.low), input.high);
  const distance = (v: number) => Math.abs(Math.log(v / start));
  const directions = gridFrom(input, start, search).map((points) => ({ points, next: 0, previous: start, done: points.length === 0 }));
  const flipped = (answer: Answer) => answer !== now && answer !== 'none';
  const brackets: Array<{ inside: number; outside: number; answer: Answer }> = [];
  let beaten = Infinity;
  for (;;) {
    // The direction whose next point is nearer the start goes next.
    const open = directions.filter((d) => !d.done);
    if (open.length === 0) break;
    const direction = open.reduce((a, b) => (distance(b.points[b.next]!) < distance(a.points[a.next]!) ? b : a));
    if (distance(direction.previous) >= beaten) {
      direction.done = true;
      continue;
    }
    const value = direction.points[direction.next++]!;
    const answer = answerAt(value);
    // Where nothing can run the workload at all, the search stops: that is a limit, not a flip.
    if (answer === 'none') direction.done = true;
    else if (answer !== now) {
      brackets.push({ inside: direction.previous, outside: value, answer });
      beaten = Math.min(beaten, distance(value));
      direction.done = true;
    } else direction.previous = value;
    if (direction.next === direction.points.length) direction.done = true;
  }
  const found = brackets.map(({ inside, outside, answer }) => {
    const bisected = bisectFlip(inside, outside, answerAt, flipped, answer, {
      whole: search.wholeUnits && input.wholeUnits,
      tolerance: search.tolerance,
      shown: shownValue(input),
    });
    const onLimit = limitAt(search.limits, answerAt, bisected.inside, bisected.value, now, flipped);
    const up = bisected.value > input.current;
    // On a limit, a whole-unit input flips at the first whole value past it.
    const flipsAt = onLimit ? (input.integer ? outward(onLimit.past, up) : onLimit.value) : bisected.value;
    return { flipsAt, up, to: onLimit?.to ?? bisected.at, distance: Math.abs(Math.log(flipsAt / input.current)) };
  });
  // The nearer of the flips found going up and going down.
  return found.sort((a, b) => a.distance - b.distance)[0];
}

/**
 * A flip as shown beside the current value as shown (both in the input's own unit), on the far side of it so
 * that which way it lies can be read from the two: a rule's threshold can sit on the current value itself (a
 * diurnal week's peak is 1.5× the average, where flat-traffic stops firing), and the flip is then one unit of
 * the current value's sixth digit past it (of the fourth decimal from zero).
 */
export function pastCurrent(flipsAt: number, currentValue: number, up: boolean): number {
  if (up ? flipsAt > currentValue : flipsAt < currentValue) return flipsAt;
  const unit = currentValue === 0 ? 1e-4 : 10 ** (Math.floor(Math.log10(Math.abs(currentValue))) - 5);
  return toSignificant(currentValue + (up ? unit : -unit), 6);
}

const outward = (value: number, up: boolean) => (up ? Math.ceil(value) : Math.floor(value));

/**
 * The platform limit a flip sits on, when one lies between the last value on each side of it and the answer
 * changes right there: "above 900000 ms", where the bisection alone would say 900200.
 */
function limitAt(
  limits: readonly number[],
  answerAt: (value: number) => Answer,
  inside: number,
  outside: number,
  now: Answer,
  flipped: (answer: Answer) => boolean,
): { value: number; past: number; to: Answer } | undefined {
  const [low, high] = inside < outside ? [inside, outside] : [outside, inside];
  for (const limit of limits) {
    if (limit < low || limit > high) continue;
    const [before, after] = inside < outside ? [limit * (1 - 1e-9), limit * (1 + 1e-9)] : [limit * (1 + 1e-9), limit * (1 - 1e-9)];
    const to = answerAt(after);
    // To the thousandth, rounded past the limit: a limit scaled from a rule's threshold is rarely round.
    const value = (inside < outside ? Math.ceil(limit * 1000 - 1e-6) : Math.floor(limit * 1000 + 1e-6)) / 1000;
    if (answerAt(before) === now && flipped(to)) return { value, past: after, to };
  }
  return undefined;
}

