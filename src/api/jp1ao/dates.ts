/**
 * JP1/AO times: ISO 8601 `yyyy-mm-ddThh:mm:ss.mmmTZD`. The server may drop the colon of the
 * offset (`+0900`); a time sent back must have it (`+09:00`).
 */

const offsetWithoutColon = /([+-])(\d{2})(\d{2})$/;

/** The time with a colon in its offset (`…+0900` → `…+09:00`); other text unchanged. */
export function withOffsetColon(time: string): string {
  return time.trim().replace(offsetWithoutColon, '$1$2:$3');
}

/** Milliseconds since the epoch, or undefined for a missing or unreadable time. */
export function parseJp1aoTime(time: unknown): number | undefined {
  if (typeof time !== 'string' || time.trim() === '') return undefined;
  const ms = Date.parse(withOffsetColon(time));
  return Number.isNaN(ms) ? undefined : ms;
}

function pad(value: number, width = 2): string {
  return String(Math.trunc(Math.abs(value))).padStart(width, '0');
}

/**
 * A time in the form the API takes, e.g. `2024-05-01T10:00:00.000+09:00`, in the given offset
 * from UTC (minutes east; default: this machine's offset at that time).
 */
export function formatJp1aoTime(time: Date | number, offsetMinutes?: number): string {
  const ms = typeof time === 'number' ? time : time.getTime();
  const offset = offsetMinutes ?? -new Date(ms).getTimezoneOffset();
  const local = new Date(ms + offset * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const clock = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${clock}.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
