/**
 * Issues one write per item in a transaction and waits for it to commit,
 * aborting it if issuing throws part-way. Without the abort, a write that
 * throws synchronously (a record without its key, a value that cannot be
 * cloned) leaves the earlier writes of the batch to auto-commit: exactly the
 * half-written batch storage promises never to leave. Writes already issued
 * then reject with AbortError; those rejections are absorbed here, and the
 * caller gets the error that caused the abort.
 */
interface AbortableTransaction {
  abort(): void;
  done: Promise<void>;
}

export async function allOrNothing<T>(
  tx: AbortableTransaction,
  items: readonly T[],
  write: (item: T) => Promise<unknown>,
): Promise<void> {
  const requests: Promise<unknown>[] = [];
  try {
    for (const item of items) requests.push(write(item));
  } catch (cause) {
    for (const request of requests) request.catch(() => undefined);
    tx.done.catch(() => undefined);
    tx.abort();
    throw cause;
  }
  await Promise.all([...requests, tx.done]);
}
