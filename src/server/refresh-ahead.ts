import { LRUCache } from "lru-cache";

export interface RefreshAheadOptions {
  /** An entry is never served later than this after it was loaded. */
  ttlMs: number;
  max: number;
  onError?: (error: unknown) => void;
}

/**
 * A bounded cache (lru-cache) that reloads an entry in the background once it is past half its
 * life and still being read. Without that, every entry loaded in one burst (a server start, a
 * rush of sign-ins) expires in one burst too, and the requests of that moment all wait on the
 * database at once; with it, a steadily used entry is replaced before it expires and nobody waits.
 *
 * An entry is never served past `ttlMs` after the load that produced it. A removal (`delete`,
 * `deleteWhere`) also voids every reload in flight, so a reload that read the old state before a
 * sign-out cannot put the signed-out session back.
 */
export function refreshAheadCache<V extends object>(options: RefreshAheadOptions) {
  const cache = new LRUCache<string, V>({
    max: options.max,
    ttl: options.ttlMs,
    updateAgeOnGet: false,
    // The wall clock, read on every check: entries follow Date (and tests' fake clocks) exactly.
    perf: { now: () => Date.now() },
    ttlResolution: 0,
  });
  const reloading = new Set<string>();
  // Bumped by every removal; a reload that started under an older number is discarded.
  let removals = 0;

  function set(key: string, value: V, ttlMs = options.ttlMs) {
    if (ttlMs > 0) cache.set(key, value, { ttl: Math.min(ttlMs, options.ttlMs) });
    else cache.delete(key);
  }

  function reloadInBackground(key: string, reload: () => Promise<{ value: V; ttlMs?: number } | undefined>) {
    reloading.add(key);
    const started = removals;
    reload()
      .then((fresh) => {
        if (removals !== started) return;
        if (fresh) set(key, fresh.value, fresh.ttlMs);
        else cache.delete(key);
      })
      .catch((error) => options.onError?.(error))
      .finally(() => reloading.delete(key));
  }

  return {
    /** The entry if it is fresh; past half its life, `reload` runs once in the background. */
    get(key: string, reload: () => Promise<{ value: V; ttlMs?: number } | undefined>): V | undefined {
      const value = cache.get(key);
      const remaining = cache.getRemainingTTL(key);
      // lru-cache still serves an entry at the very millisecond it ends; this cache does not.
      if (value === undefined) return undefined;
      if (remaining <= 0) {
        cache.delete(key);
        return undefined;
      }
      if (remaining < options.ttlMs / 2 && !reloading.has(key)) reloadInBackground(key, reload);
      return value;
    },
    /** Stores an entry for `ttlMs` (at most the cache's; 0 or less stores nothing). */
    set,
    delete(key: string) {
      removals += 1;
      cache.delete(key);
    },
    deleteWhere(match: (value: V) => boolean) {
      removals += 1;
      for (const [key, value] of cache.entries()) if (match(value)) cache.delete(key);
    },
    get size() {
      return cache.size;
    },
  };
}
