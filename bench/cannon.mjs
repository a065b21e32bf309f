// The bench's load generator, in a process of its own (as wrk or autocannon's CLI would be): the bench's
// own heap, grown by thousands of evaluations, does not slow the client. Options as JSON in argv[2];
// prints autocannon's result as JSON.
import autocannon from 'autocannon';

const result = await autocannon(JSON.parse(process.argv[2]));
process.stdout.write(JSON.stringify(result));
