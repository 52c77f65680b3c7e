/** Calendar days as numbers, for sliders (UTC, so no time zone shifts a date). */
const DAY = 86_400_000;

export function toDay(iso: string): number {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
}

export function fromDay(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
