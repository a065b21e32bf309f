// The engine's planning assumptions, in one place, each with why. They are reported in every evaluation
// so a person checking a figure by hand knows what was assumed.

export const ASSUMPTIONS = {
  /** Servers are planned to run at 70% of CPU at the hour's peak: headroom for variance within the hour and p99 tails. */
  targetCpuUtilisation: 0.7,
  /** Memory kept for the OS and runtime on every server before requests get any, in MB. */
  reservedMemoryMbPerInstance: 512,
  /** An internet-facing load balancer holds one public IPv4 address per Availability Zone; two zones for availability. */
  loadBalancerPublicIps: 2,
  /** LCU estimate: no connection reuse, each request opens a new connection (an upper bound for public APIs). */
  newConnectionsPerRequest: 1,
  /** Ops effort, hours a month, priced only when the profile gives opsHourlyRateUsd. */
  opsHoursPerMonth: {
    /** Monitoring, patching, capacity reviews of a fleet, plus a share per server. */
    traditionalBase: 8,
    traditionalPerInstance: 1,
    /** Functions still need deploys, alarms and quota reviews. */
    serverless: 2,
  },
} as const;

export type Assumptions = typeof ASSUMPTIONS;
