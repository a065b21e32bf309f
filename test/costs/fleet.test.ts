// The fleet of servers a week needs: fleetFor finds where each instance count's run of hours ends by
// galloping and bisection; it must bill exactly what counting hour by hour bills, to the last bit.
import fc from 'fast-check';
import t from 'tap';
import { fleetDemand, fleetFor } from '../../src/core/costs/servers.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, trafficWeek, WEEKS_PER_MONTH, type TrafficWeek } from '../../src/core/traffic/week.js';

/** The definition, hour by hour: each hour of the sorted week runs max(floor, ceil(load ÷ capacity)) instances. */
function hourByHour(week: TrafficWeek, capacityRps: number, minInstances: number, cap: number) {
  const demand = fleetDemand(week);
  const capacity = capacityRps / week.scale;
  const counts = Array.from(demand, (rps) => Math.max(minInstances, Math.ceil(rps / capacity - 1e-9)));
  let hours = 0;
  for (let h = 0; h < HOURS_PER_WEEK - 1; h++) if (counts[h + 1]! < counts[h]!) hours += (counts[h]! - counts[h + 1]!) * Math.min((h + 1) * WEEKS_PER_MONTH, cap);
  return { hours: hours + counts[HOURS_PER_WEEK - 1]! * Math.min(HOURS_PER_MONTH, cap), peak: counts[0]! };
}

t.test('an autoscaled fleet bills the same instance-hours as counting hour by hour', async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 24, maxLength: 24 }).filter((w) => w.some((x) => x > 0)),
      fc.double({ min: 1e3, max: 1e10, noNaN: true }),
      fc.double({ min: 0.5, max: 5000, noNaN: true }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom(Infinity, 672),
      (hourlyWeights, monthlyRequests, capacityRps, minInstances, cap) => {
        const week = trafficWeek(WorkloadProfile.parse({ traffic: { monthlyRequests, hourlyWeights }, execution: { averageDurationMs: 100, memoryMb: 128 } }).traffic);
        t.same(fleetFor(week, capacityRps, minInstances, 'autoscaled', cap), hourByHour(week, capacityRps, minInstances, cap));
      },
    ),
    { numRuns: 300 },
  );
});

t.test('fixed and committed fleets run their peak every hour, a committed one past any monthly cap', async (t) => {
  const week = trafficWeek(WorkloadProfile.parse({ traffic: { monthlyRequests: 1e9, pattern: 'diurnal' }, execution: { averageDurationMs: 100, memoryMb: 128 } }).traffic);
  const auto = fleetFor(week, 50, 2, 'autoscaled', 672);
  t.same(fleetFor(week, 50, 2, 'fixed', 672), { hours: auto.peak * 672, peak: auto.peak });
  t.same(fleetFor(week, 50, 2, 'committed', 672), { hours: auto.peak * HOURS_PER_MONTH, peak: auto.peak });
  t.ok(auto.hours < auto.peak * 672, 'autoscaling bills fewer hours than the peak all month');
});
