// The engine's planning assumptions, in one place, each with why. They are reported in every evaluation
// so a person checking a figure by hand knows what was assumed.

export const ASSUMPTIONS = {
  /** Servers are planned to run at 70% of CPU at the hour's peak: headroom for variance within the hour and p99 tails. */
  targetCpuUtilisation: 0.7,
  /**
   * Memory kept for the OS and runtime on every server before requests get any: a quarter of it, at most
   * 512 MB (so a 512 MB dyno or droplet keeps 128 MB, a 4 GiB VM 512 MB).
   */
  reservedMemoryShare: 0.25,
  reservedMemoryMbPerInstance: 512,
  /**
   * Autoscaled fleets scale in only after a quiet hour (a scale-in cooldown): an hour keeps at least the
   * previous hour's servers, so a one-hour burst is paid for two. Scaling out is taken as instant.
   */
  scaleInDelayHours: 1,
  /**
   * When the peak exceeds its hour's average, the hour's requests arrive as a burst at the peak rate lasting
   * this many minutes (or less, if that would exceed the hour's volume) on top of a lower base rate. Servers
   * must be sized for the burst; a hybrid's baseline serves the base and functions take the burst.
   */
  burstMinutesPerHour: 3,
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
