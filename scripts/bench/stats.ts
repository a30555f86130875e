// Latency figures for benchmarks: percentiles over measured samples, in milliseconds.
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// Peak resident memory of this process so far, in MiB (the OS keeps the high-water mark).
export function peakRssMiB(): number {
  return round(process.resourceUsage().maxRSS / 1024, 0);
}
