// Tipping points in words, saying what flips: "recommendation flips to traditional above 41.2M requests/month
// (now 10M)", "cheaper of serverless and traditional flips to traditional below 31.8 ms average duration (now
// 60)"; memory, searched to the MB, says where exactly: "… at 10241 MB of memory or more (now 512)".
import type { Evaluation } from '../core/evaluation/schema.js';
import { compactCount } from '../core/significant.js';

const UNITS: Record<string, { label: string; format: (v: number) => string; exact?: boolean }> = {
  monthlyRequests: { label: 'requests/month', format: compactCount },
  averageDurationMs: { label: 'ms average duration', format: (v) => String(Number(v.toPrecision(3))) },
  memoryMb: { label: 'MB of memory', format: (v) => String(v), exact: true },
  peakToAverageRatio: { label: '× peak-to-average', format: (v) => String(Number(v.toPrecision(3))) },
  growthPercentPerMonth: { label: '% growth a month (by the horizon’s last month)', format: (v) => String(Number(v.toPrecision(3))) },
};

export function describeTippingPoint(tip: Evaluation['tippingPoints'][number]): string {
  const unit = UNITS[tip.input] ?? { label: tip.input, format: String };
  const up = tip.flipsAt > tip.currentValue;
  // "9.85% growth", "5.32× peak-to-average": a sign that belongs to the number takes no space.
  const value = (v: number) => `${unit.format(v)}${/^[%×]/.test(unit.label) ? '' : ' '}${unit.label}`;
  const where = unit.exact ? `at ${value(tip.flipsAt)} or ${up ? 'more' : 'less'}` : `${up ? 'above' : 'below'} ${value(tip.flipsAt)}`;
  const what = tip.kind === 'recommendation' ? 'recommendation' : 'cheaper of serverless and traditional';
  return `${what} flips to ${tip.to} ${where} (now ${unit.format(tip.currentValue)})`;
}
