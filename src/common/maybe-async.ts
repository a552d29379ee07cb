/**
 * `fn` applied to a value now, or to a promise's value once it settles. Keeps an answer the cache
 * already holds synchronous all the way to the guard, while a cache miss still waits on the database.
 */
export function whenReady<T, R>(value: T | Promise<T>, fn: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}
