/**
 * Reads a word table without its prototype: a plain object lookup would give
 * `Object.prototype.constructor` for the answer word "constructor" and turn it
 * into a number or a month. Maps were the alternative; these tables read
 * better as object literals.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
