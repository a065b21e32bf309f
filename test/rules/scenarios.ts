// The domain's classic cases, one profile each, with the verdict the default ruleset must reach and the
// rules that must decide it. Shared by the scenario test and the compiled-vs-reference test.
export interface Scenario {
  name: string;
  profile: Record<string, unknown>;
  verdict: 'serverless' | 'traditional' | 'hybrid';
  decidedBy: string[];
  /** Rules that must not fire: heuristics the profile only seems to meet. */
  notFired?: string[];
  excluded?: string[];
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'a spiky MVP run by one person',
    profile: {
      name: 'spiky MVP',
      traffic: { monthlyRequests: 2_000_000, pattern: 'spiky' },
      execution: { averageDurationMs: 120, memoryMb: 512 },
      team: { opsCapacity: 'none' },
    },
    verdict: 'serverless',
    decidedBy: ['spiky-traffic', 'no-ops-team', 'small-volume'],
  },
  {
    name: 'steady 24/7 high volume',
    profile: {
      name: 'steady high volume',
      traffic: { averageRps: 1500, pattern: 'steady' },
      execution: { averageDurationMs: 40, cpuMsPerRequest: 15, memoryMb: 256 },
      team: { opsCapacity: 'dedicated' },
    },
    verdict: 'traditional',
    decidedBy: ['high-steady-volume', 'flat-traffic'],
  },
  {
    name: 'a 20-minute video transcoding job',
    profile: {
      name: 'video transcoding',
      traffic: { monthlyRequests: 20_000, pattern: 'business-hours' },
      execution: { averageDurationMs: 1_200_000, memoryMb: 3008 },
      providers: ['aws', 'digitalocean'],
    },
    verdict: 'traditional',
    decidedBy: ['runs-longer-than-any-function-allows'],
    excluded: ['serverless', 'hybrid'],
  },
  {
    // Few requests, but each is twenty minutes of four vCPUs: two dozen run at once on average, so the
    // volume heuristics (which count running work, not just requests) stay silent and the costs decide.
    name: 'the same job where one platform runs it (Cloud Run functions allow 60 minutes)',
    profile: {
      name: 'video transcoding, every provider',
      traffic: { monthlyRequests: 50_000, pattern: 'business-hours' },
      execution: { averageDurationMs: 1_200_000, cpuMsPerRequest: 1_100_000, memoryMb: 4096 },
    },
    verdict: 'traditional',
    decidedBy: ['traditional-far-cheaper', 'long-running-requests'],
    notFired: ['small-volume', 'tiny-volume'],
  },
  {
    name: 'a websocket chat',
    profile: {
      name: 'websocket chat',
      traffic: { averageRps: 50, pattern: 'diurnal' },
      execution: { averageDurationMs: 30, memoryMb: 256 },
      state: 'long-lived-connections',
    },
    verdict: 'traditional',
    decidedBy: ['long-lived-connections'],
  },
  {
    name: 'strict dedicated tenancy',
    profile: {
      name: 'regulated ledger',
      traffic: { monthlyRequests: 8_000_000, pattern: 'business-hours' },
      execution: { averageDurationMs: 80, memoryMb: 512 },
      compliance: { dedicatedTenancy: true, frameworks: ['pci-dss'] },
    },
    verdict: 'traditional',
    decidedBy: ['dedicated-tenancy-rules-out-functions'],
    excluded: ['serverless', 'hybrid'],
  },
  {
    name: 'a tiny side project',
    profile: {
      name: 'side project',
      traffic: { monthlyRequests: 30_000, pattern: 'diurnal' },
      execution: { averageDurationMs: 60, memoryMb: 256 },
      latency: { coldStartTolerance: 'any' },
    },
    verdict: 'serverless',
    decidedBy: ['tiny-volume', 'small-volume'],
  },
  {
    name: 'a steady baseline with 10× bursts',
    profile: {
      name: 'baseline with bursts',
      traffic: { averageRps: 100, peakRps: 1000, pattern: 'steady' },
      execution: { averageDurationMs: 60, cpuMsPerRequest: 25, memoryMb: 512 },
    },
    verdict: 'hybrid',
    decidedBy: ['steady-baseline-with-bursts'],
  },
  {
    name: 'a latency-critical path with no cold-start tolerance',
    profile: {
      name: 'checkout pricing',
      traffic: { averageRps: 40, pattern: 'diurnal' },
      execution: { averageDurationMs: 25, p99DurationMs: 60, memoryMb: 512 },
      latency: { p99TargetMs: 100, coldStartTolerance: 'none' },
    },
    verdict: 'traditional',
    decidedBy: ['no-cold-starts-tolerated', 'latency-critical'],
  },
  {
    name: 'a small API with flat traffic, where functions cost a tenth of servers',
    profile: {
      name: 'internal API',
      traffic: { monthlyRequests: 5_000_000, pattern: 'steady' },
      execution: { averageDurationMs: 100 },
    },
    verdict: 'serverless',
    decidedBy: ['serverless-an-order-cheaper', 'serverless-far-cheaper'],
    // Flat, but under one request in flight on average: a server would idle, not run near its target.
    notFired: ['flat-traffic'],
  },
  {
    // Twice the average is steady for both rules that ask (they once disagreed at exactly 2×, and that peak
    // alone read as a hybrid, between traditional below it and serverless above).
    name: 'steady high volume whose peak is exactly twice the average',
    profile: {
      name: 'busy API',
      traffic: { averageRps: 500, peakRps: 1000 },
      execution: { averageDurationMs: 120, memoryMb: 2048 },
      providers: ['aws'],
    },
    verdict: 'traditional',
    decidedBy: ['high-steady-volume', 'little-to-offload'],
  },
];
