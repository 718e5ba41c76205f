/** An instant from the API in the browser's locale, the exact value in the tooltip. */
export function Time({ value }: { value: string | null }) {
  if (value === null) {
    return <span>–</span>;
  }
  return <time dateTime={value} title={value}>{new Date(value).toLocaleString()}</time>;
}
