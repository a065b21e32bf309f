// Tipping points in words, saying what flips: "recommendation flips to traditional above 41.2M requests/month
// (now 10M)", "cheaper of serverless and traditional flips to traditional below 31.8 ms average duration (now
// 60 ms)"; memory, searched to the MB, says where exactly: "… at 10241 MB of memory or more (now 512)".
import type { Evaluation } from '../core/evaluation/schema.js';
import { compactCount, toSignificant } from '../core/significant.js';

const threeDigits = (v: number) => String(toSignificant(v, 3));
/** A duration in the unit a person would say it in: "31.8 ms", "2.5 s", "15 min" (900,000 ms: Lambda's limit). */
const duration = (ms: number) => (ms >= 60_000 ? `${threeDigits(ms / 60_000)} min` : ms >= 1000 ? `${threeDigits(ms / 1000)} s` : `${threeDigits(ms)} ms`);

/** `costNote`: what the cost kind's value means for an input derived rather than searched (growth, from the volume). */
const UNITS: Record<string, { label: string; format: (v: number) => string; exact?: boolean; costNote?: string }> = {
  monthlyRequests: { label: 'requests/month', format: compactCount },
  averageDurationMs: { label: 'average duration', format: duration },
  memoryMb: { label: 'MB of memory', format: (v) => String(v), exact: true },
  peakToAverageRatio: { label: '× peak-to-average', format: threeDigits },
  growthPercentPerMonth: { label: '% growth a month', format: threeDigits, costNote: ' (by the horizon’s last month)' },
};

export function describeTippingPoint(tip: Evaluation['tippingPoints'][number]): string {
  const unit = UNITS[tip.input] ?? { label: tip.input, format: String };
  const up = tip.flipsAt > tip.currentValue;
  // "9.85% growth", "5.32× peak-to-average": a sign that belongs to the number takes no space.
  const value = (v: number) => `${unit.format(v)}${/^[%×]/.test(unit.label) ? '' : ' '}${unit.label}`;
  const where = unit.exact ? `at ${value(tip.flipsAt)} or ${up ? 'more' : 'less'}` : `${up ? 'above' : 'below'} ${value(tip.flipsAt)}`;
  const what = tip.kind === 'recommendation' ? 'recommendation' : 'cheaper of serverless and traditional';
  const note = tip.kind === 'cost' ? (unit.costNote ?? '') : '';
  return `${what} flips to ${tip.to} ${where}${note} (now ${unit.format(tip.currentValue)})`;
}
