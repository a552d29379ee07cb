/** What a redacted query value reads as in the logs. */
export const REDACTED = '[redacted]';

/**
 * A request URL fit for the logs: the path as it is, every query value replaced by `[redacted]` (names
 * are kept, so `?access_token=sat_…` logs as `?access_token=[redacted]`). A parameter without `=` may
 * itself be a credential and is redacted whole; a fragment is dropped. Every value goes, not a list of
 * sensitive names: a token sent under a name nobody listed must not reach the logs either.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const hashAt = url.indexOf('#', queryAt);
  const query = url.slice(queryAt + 1, hashAt < 0 ? undefined : hashAt);
  const pairs = query.split('&').map((pair) => {
    if (pair === '') return pair;
    const eq = pair.indexOf('=');
    return eq < 0 ? REDACTED : `${pair.slice(0, eq)}=${REDACTED}`;
  });
  return `${url.slice(0, queryAt)}?${pairs.join('&')}`;
}
