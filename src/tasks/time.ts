import { locale, t } from './l10n';

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago" in the display language; future times read "in 5 minutes". */
export function relativeTime(then: number, now = Date.now()): string {
  const seconds = Math.round((now - then) / 1000);
  const s = Math.abs(seconds);
  if (s < 45) return seconds < 0 ? t('in a moment') : t('just now');
  const sign = seconds < 0 ? 1 : -1;
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'always', style: 'short' });
  if (s < 3600) return format.format(sign * Math.round(s / 60), 'minute');
  if (s < 86_400) return format.format(sign * Math.round(s / 3600), 'hour');
  return format.format(sign * Math.round(s / 86_400), 'day');
}

/** A moment as the user's local date and time, with the zone named ("12/3/2026, 9:12:33 AM GMT+9"). */
export function localTimeText(ms: number): string {
  return new Date(ms).toLocaleString(locale(), { timeZoneName: 'short' });
}

/** A moment as the user's local time of day, with the date only when it is not today. */
export function shortTimeText(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const sameDay = date.toDateString() === new Date(now).toDateString();
  const time = date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? time : `${date.toLocaleDateString(locale(), { month: 'short', day: 'numeric' })} ${time}`;
}

/** A moment as the user's local hour and minute ("10:42"), with the date when it is not today. */
export function clockTimeText(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date(now).toDateString()) return time;
  return `${date.toLocaleDateString(locale(), { month: 'short', day: 'numeric' })} ${time}`;
}
