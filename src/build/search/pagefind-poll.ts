/**
 * Pagefind 1.6's `pagefind.js` starts loading its index when it is created, but gives no
 * promise for it: `init()` resolves at once, and a call made before the index is in
 * (`filters()`, `preload()`, `search()`) waits in `getPtr()`, which looks again every 50 ms.
 * A first search, which calls at once, so waited up to 50 ms after the index was ready, 25 ms
 * on average, on its way to the first results. This shortens the wait to 4 ms (a dozen cheap
 * timer tasks while the index loads); the polling itself stays Pagefind's.
 */
const GET_PTR_POLL =
  /(async getPtr\(\)\{while\(this\.raw_ptr===null\)\{if\(this\.initError\)\{throw this\.initError;?\}await asyncSleep\()50(\))/;

/** The poll of `getPtr()`, in ms, after `shortenInitPoll`. */
export const INIT_POLL_MS = 4;

/**
 * `pagefind.js` with `getPtr()` polling every INIT_POLL_MS. Throws if the code is not found (another
 * Pagefind version: check that the wait is still there, then update GET_PTR_POLL or remove this).
 */
export function shortenInitPoll(script: string, file: string): string {
  if (!GET_PTR_POLL.test(script))
    throw new Error(
      `${file}: Pagefind's getPtr() poll (src/build/search/pagefind-poll.ts, GET_PTR_POLL) was not found; another Pagefind version?`,
    );
  return script.replace(GET_PTR_POLL, `$1${INIT_POLL_MS}$2`);
}
