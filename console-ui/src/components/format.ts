/** A rate in messages per second as the console shows it. */
export function formatRate(value: number): string {
  return value.toFixed(2);
}
