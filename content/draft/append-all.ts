/**
 * Appends `items` to `target` in place. `target.push(...items)` passes every item as an argument, and past about
 * 100,000 of them (the paragraphs of a large file, the entries of a long list) V8 throws "Maximum call stack size
 * exceeded".
 *
 * Before: appendAll([1], [2, 3])   After: [1, 2, 3]
 */
export function appendAll<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const items of lists) for (const item of items) target.push(item);
  return target;
}
