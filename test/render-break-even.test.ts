// Why there is no break-even, as the CLI's table and Markdown say it (the page words it the same way).
import t from 'tap';
import { describeNoBreakEven } from '../src/render/break-even-text.js';

const both = { offeredServerlessOptions: 2, feasibleServerlessOptions: 2, offeredTraditionalOptions: 9, feasibleTraditionalOptions: 9 };

t.test('the side that is missing, or that the search found no crossing', async (t) => {
  t.equal(describeNoBreakEven({ facts: { ...both, offeredServerlessOptions: 0, feasibleServerlessOptions: 0 } }), 'none — the considered providers sell no functions');
  t.equal(describeNoBreakEven({ facts: { ...both, feasibleServerlessOptions: 0 } }), 'none — no serverless option can run this workload');
  t.equal(describeNoBreakEven({ facts: { ...both, offeredTraditionalOptions: 0, feasibleTraditionalOptions: 0 } }), 'none — the considered providers rent no servers');
  t.equal(describeNoBreakEven({ facts: { ...both, feasibleTraditionalOptions: 0 } }), 'none — no traditional option can run this workload');
  t.equal(describeNoBreakEven({ facts: both }), 'none between 1k and 1T requests/month');
});
