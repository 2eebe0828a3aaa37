/**
 * A least-recently-used map with a fixed number of entries, so caching classification results
 * over a million calls cannot grow without limit. A hit costs two map operations, no allocation.
 */
export class BoundedCache<K, V> {
  readonly capacity: number;
  private readonly entries = new Map<K, V>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`cache capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** The cached value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserting moves the key to the end of the Map's insertion order: the LRU order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores a value, evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  /** How many entries are cached now (never more than `capacity`). */
  get size(): number {
    return this.entries.size;
  }
}
