// The traffic week: every pattern keeps the profile's volume; weights and peaks shape it.
import t from 'tap';
import { growthFactor, HOURS_PER_WEEK, rpsAt, SECONDS_PER_MONTH, trafficWeek, type TrafficWeek } from '../../src/core/traffic/week.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';

const traffic = (t: Record<string, unknown>) => WorkloadProfile.parse({ traffic: t, execution: { averageDurationMs: 10 } }).traffic;
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
/** The week's 168 hourly rates, Monday 00:00 first. */
const hours = (week: TrafficWeek) => Array.from({ length: HOURS_PER_WEEK }, (_, h) => rpsAt(week, h));

t.test('every named pattern averages to the volume', async (t) => {
  for (const pattern of ['steady', 'diurnal', 'business-hours', 'spiky', 'batch']) {
    const week = trafficWeek(traffic({ monthlyRequests: 26_280_000, pattern }));
        t.ok(Math.abs(mean(hours(week)) - 10) < 1e-9, `${pattern}: average 10 rps`);
    t.equal(week.monthlyRequests, 26_280_000);
  }
});

t.test('shapes: peak-to-average as documented', async (t) => {
  const ratio = (pattern: string) => {
    const week = trafficWeek(traffic({ averageRps: 1, pattern }));
    return week.busiestHourRps / week.averageRps;
  };
  t.equal(ratio('steady'), 1);
  t.ok(Math.abs(ratio('batch') - 12) < 1e-9, 'two busy hours a day: 24/2');
  t.ok(ratio('spiky') > 7 && ratio('spiky') < 8, 'two 20× hours over a quiet day: 20 × 24 / 62');
  t.ok(ratio('business-hours') > 3, 'nine weekday hours carry most of the week');
  const batch = trafficWeek(traffic({ averageRps: 1, pattern: 'batch' }));
  t.equal(rpsAt(batch, 0), 0, 'midnight Monday is idle');
  t.ok(rpsAt(batch, 1) > 0, '01:00 Monday works');
});

t.test('24 weights repeat for each day; 168 weights are the week', async (t) => {
  const day = Array.from({ length: 24 }, (_, h) => (h === 9 ? 5 : 1));
  const week = trafficWeek(traffic({ averageRps: 2, hourlyWeights: day }));
  t.equal(rpsAt(week, 9), rpsAt(week, 9 + 24 * 6), 'Monday and Sunday 09:00 alike');
  t.ok(Math.abs(mean(hours(week)) - 2) < 1e-9);
  const weekWeights = Array.from({ length: 168 }, (_, h) => (h < 24 ? 1 : 0));
  const mondayOnly = trafficWeek(traffic({ averageRps: 1, hourlyWeights: weekWeights }));
  t.equal(rpsAt(mondayOnly, 30), 0);
  t.ok(Math.abs(rpsAt(mondayOnly, 0) - 7) < 1e-9, 'all of the week in one day: 7× the average');
});

t.test('peakRps above the busiest hour becomes a burst factor; volume scales everything', async (t) => {
  const week = trafficWeek(traffic({ averageRps: 10, peakRps: 50 }));
  t.equal(week.peakRps, 50);
  t.equal(week.burstFactor, 5);
  const low = trafficWeek(traffic({ averageRps: 10, peakRps: 5 }));
  t.equal(low.peakRps, 10, 'a peak below the busiest hour is raised to it');
  t.equal(low.burstFactor, 1);
  const doubled = trafficWeek(traffic({ averageRps: 10, peakRps: 50 }), 2);
  t.equal(doubled.averageRps, 20);
  t.equal(doubled.peakRps, 100);
  t.equal(doubled.monthlyRequests, 20 * SECONDS_PER_MONTH);
  t.equal(trafficWeek(traffic({ monthlyRequests: 0 })).burstFactor, 1, 'no traffic, no bursts');
});

t.test('growth compounds monthly', async (t) => {
  t.equal(growthFactor(0, 12), 1);
  t.equal(growthFactor(10, 1), 1, 'month 1 is the profile itself');
  t.ok(Math.abs(growthFactor(10, 3) - 1.21) < 1e-12);
  t.ok(Math.abs(growthFactor(-50, 2) - 0.5) < 1e-12);
});
