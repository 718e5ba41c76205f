/** The value a `datetime-local` input shows for `date`, in the browser's time zone (minutes precision). */
export function toLocalInput(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** Minutes of an ISO-8601 duration as the API writes it (`PT2H`, `PT90M`, `PT1H30M`). */
export function durationMinutes(duration: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (match === null) {
    return 0;
  }
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Math.floor(Number(match[3] ?? 0) / 60);
}
