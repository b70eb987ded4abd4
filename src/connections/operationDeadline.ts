/**
 * Every call into a connection's adapter is one operation with one overall deadline: a refresh,
 * an action's read, send or read-back, a form's load or save, however many requests each makes
 * (sign-in, retry, re-login). The adapter is wrapped as a whole, so calls added to it later are
 * bound too.
 */
type Within = <T>(work: () => T) => T;

export function boundByDeadline<T extends object>(target: T, within: Within): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value === 'function') return (...args: unknown[]) => within(() => (value as (...a: unknown[]) => unknown).apply(object, args));
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).some((member) => typeof member === 'function')) {
        return boundByDeadline(value, within);
      }
      return value;
    },
  });
}
