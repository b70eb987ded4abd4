/** "45 s", "4 min 12 s", "2 h 5 min", "3 d 4 h": the two largest units, for how long a task ran. */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const units: [number, string][] = [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const first = units.findIndex(([size]) => seconds >= size);
  if (first === -1) return '0 s';
  const [size, name] = units[first]!;
  const whole = Math.floor(seconds / size);
  const next = units[first + 1];
  const rest = next ? Math.floor((seconds % size) / next[0]) : 0;
  return rest && next ? `${whole} ${name} ${rest} ${next[1]}` : `${whole} ${name}`;
}

/** How long the task ran: start to end, or start to now when the server gave no end. */
export function taskDurationMs(task: { start?: number; end?: number }, now = Date.now()): number | undefined {
  if (task.start === undefined) return undefined;
  return Math.max(0, (task.end ?? now) - task.start);
}
