/**
 * Collects items and hands them on together once per animation frame: a burst of events (the pool reports several
 * probes ending at once) costs one render, not one each. Without a frame clock (tests in Node) each item goes on at once.
 */
export interface FrameBatch<T> {
  add: (item: T) => void;
  /** Hands on what is waiting now (the run ended: its last events must show before the result). */
  flush: () => void;
}

export function frameBatch<T>(apply: (items: T[]) => void): FrameBatch<T> {
  let waiting: T[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (waiting.length === 0) return;
    const items = waiting;
    waiting = [];
    apply(items);
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : null;
  return {
    add: (item) => {
      waiting.push(item);
      if (!raf) return flush();
      if (!scheduled) {
        scheduled = true;
        raf(flush);
      }
    },
    flush,
  };
}
