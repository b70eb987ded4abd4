/** "just now", "5 min ago", "3 h ago", "2 d ago"; future times read "in 5 min". */
export function relativeTime(then: number, now = Date.now()): string {
  const seconds = Math.round((now - then) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  let text: string;
  if (s < 45) return future ? 'in a moment' : 'just now';
  else if (s < 3600) text = `${Math.round(s / 60)} min`;
  else if (s < 86_400) text = `${Math.round(s / 3600)} h`;
  else text = `${Math.round(s / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}

/** A moment as the user's local date and time, with the zone named ("12/3/2026, 9:12:33 AM GMT+9"). */
export function localTimeText(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { timeZoneName: 'short' });
}

/** A moment as the user's local time of day, with the date only when it is not today. */
export function shortTimeText(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const sameDay = date.toDateString() === new Date(now).toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? time : `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${time}`;
}
