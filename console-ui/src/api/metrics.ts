/** One sample of a metric history: `values` by metric name, e.g. sendTps/receiveTps or lag. */
export interface MetricPoint {
  at: string;
  values: Record<string, number>;
}

/** The last hour of samples the control plane scraped, oldest first. */
export interface MetricSeriesView {
  intervalSeconds: number;
  points: MetricPoint[];
}
