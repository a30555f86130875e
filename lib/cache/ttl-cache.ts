// A per-process cache of promises for values that may be a few seconds stale (clinic
// settings, provider clients). A failed load is forgotten so the next call tries again.
export function ttlCache<T>(ttlMs: number) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    forget(key?: string): void {
      if (key) entries.delete(key);
      else entries.clear();
    },
  };
}
