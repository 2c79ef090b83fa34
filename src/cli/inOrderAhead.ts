/**
 * Items worked on a few at a time and handed on in their own order: while the CLI reports one document, the next
 * ones are analysed (a document's own git questions wait on git; the others' parsing and processes fill the wait).
 */

/**
 * Yields each item with its work's result, in the items' order; at most `ahead` works run at once (the item yielded
 * next and those after it). A work's failure is thrown when its item comes, never earlier, never unhandled.
 */
export async function* inOrderAhead<T, R>(items: readonly T[], ahead: number, work: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const started: Array<Promise<R> | undefined> = [];
  const start = (j: number) => {
    if (j >= items.length || started[j]) return;
    const p = (async () => work(items[j]!))();
    p.catch(() => {}); // thrown to the consumer when it comes to this item
    started[j] = p;
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i; j < i + Math.max(1, ahead); j++) start(j);
    const result = await started[i]!;
    started[i] = undefined; // its result is the consumer's now: nothing kept here
    yield [items[i]!, result];
  }
}
