/** A rate in messages per second as the console shows it. */
export function formatRate(value: number): string {
  return value.toFixed(2);
}

/** A duration in milliseconds as the console shows it (`420 ms`, `3.10 s`); `–` when not known. */
export function formatMillis(value: number | null): string {
  if (value === null) {
    return '–';
  }
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

/** A latency in milliseconds with two decimals; `–` when not measured. */
export function formatLatency(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(2)} ms`;
}
