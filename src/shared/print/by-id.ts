/**
 * Look-up by id in the engine's lists of data (`FORMATS`, `SCHEMES`).
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

/** The entry of `list` with this id, or `undefined`. */
export function findById<T extends { readonly id: string }>(list: readonly T[], id: string): T | undefined {
  return list.find((entry) => entry.id === id);
}

/**
 * The entry of `list` with this id; throws `Unknown <what> "<id>"` on an unknown
 * id (a programming error, not user input).
 */
export function getById<T extends { readonly id: string }>(list: readonly T[], id: string, what: string): T {
  const entry = findById(list, id);
  if (!entry) throw new Error(`Unknown ${what} "${id}"`);
  return entry;
}
