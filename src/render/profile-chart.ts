// One profile's cost chart, from the pricing files in force: shared by the HTTP route and the CLI.
import { costCurve } from '../core/chart.js';
import { findBreakEven } from '../core/costs/break-even.js';
import type { PricingFile } from '../core/pricing/schema.js';
import type { WorkloadProfile } from '../core/profile/schema.js';
import { renderCostChart } from './cost-chart-svg.js';

export function profileChartSvg(files: readonly PricingFile[], profile: WorkloadProfile): string {
  const breakEven = findBreakEven(files, profile)?.monthlyRequests ?? null;
  return renderCostChart(costCurve(files, profile, breakEven), profile.name);
}
