// Tipping points in words, for every input the engine searches, saying which answer flips: the
// recommendation, or the cheaper of the best serverless and the best traditional option.
import t from 'tap';
import { describeTippingPoint } from '../src/render/tipping-text.js';

const tip = (input: string, currentValue: number, flipsAt: number, kind: 'recommendation' | 'cost' = 'cost') => ({ kind, input, currentValue, flipsAt, from: 'serverless', to: 'traditional' });
const cheaper = 'cheaper of serverless and traditional flips to traditional';

t.test('each input reads with its unit and direction', async (t) => {
  t.equal(describeTippingPoint(tip('monthlyRequests', 1e7, 41_200_000)), `${cheaper} above 41.2M requests/month (now 10M)`);
  t.equal(describeTippingPoint(tip('monthlyRequests', 5e9, 2e9)), `${cheaper} below 2B requests/month (now 5B)`);
  t.equal(describeTippingPoint(tip('monthlyRequests', 500, 5000)), `${cheaper} above 5k requests/month (now 500)`);
  t.equal(describeTippingPoint(tip('averageDurationMs', 60, 31.84)), `${cheaper} below 31.8 ms average duration (now 60 ms)`);
  // Durations read in the unit a person would use: seconds from one, minutes from sixty (Lambda's 15-minute limit).
  t.equal(describeTippingPoint(tip('averageDurationMs', 240_000, 900_000, 'recommendation')), 'recommendation flips to traditional above 15 min average duration (now 4 min)');
  t.equal(describeTippingPoint(tip('averageDurationMs', 999, 2500)), `${cheaper} above 2.5 s average duration (now 999 ms)`);
  // Memory is searched to the MB: the first size past AWS Lambda's 10,240 MB limit, said exactly.
  t.equal(describeTippingPoint(tip('memoryMb', 512, 10241)), `${cheaper} at 10241 MB of memory or more (now 512)`);
  t.equal(describeTippingPoint(tip('memoryMb', 512, 255)), `${cheaper} at 255 MB of memory or less (now 512)`);
  t.equal(describeTippingPoint(tip('peakToAverageRatio', 10, 5.307)), `${cheaper} below 5.31× peak-to-average (now 10)`);
  t.equal(describeTippingPoint(tip('growthPercentPerMonth', 2, 9.89)), `${cheaper} above 9.89% growth a month (by the horizon’s last month) (now 2)`);
  t.equal(describeTippingPoint(tip('spotPrice', 2, 9)), `${cheaper} above 9 spotPrice (now 2)`, 'an input without a unit is named as it is');
});

t.test('a recommendation tipping point names the recommendation', async (t) => {
  t.equal(describeTippingPoint(tip('monthlyRequests', 1e7, 99_400_000, 'recommendation')), 'recommendation flips to traditional above 99.4M requests/month (now 10M)');
  // Growth moves the verdict itself (through the horizon's change): not the cost kind's last-month reading.
  t.equal(describeTippingPoint({ ...tip('growthPercentPerMonth', 2, 1.291, 'recommendation'), to: 'serverless' }), 'recommendation flips to serverless below 1.29% growth a month (now 2)');
  t.equal(describeTippingPoint({ ...tip('memoryMb', 512, 5110, 'recommendation'), to: 'hybrid' }), 'recommendation flips to hybrid at 5110 MB of memory or more (now 512)');
});
