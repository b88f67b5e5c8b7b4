import type { StateCreator, StoreApi } from 'zustand/vanilla'

type Batcher = (apply: () => void) => void
const batchers = new WeakMap<object, Batcher>()

/**
 * Wraps a store's initializer so a burst of updates can be applied as ONE store update: inside
 * {@link runBatched} every `set` (the slices' and `store.setState`) writes to a draft that `get`
 * and `store.getState` return, and subscribers, selectors and React run once at the end. Outside
 * a batch nothing changes. Two hundred live calls push hundreds of events a second; without this
 * every event would run every selector on screen.
 */
export function batchable<T>(init: StateCreator<T, [], []>): StateCreator<T, [], []> {
  return (set, get, api) => {
    let draft: T | null = null
    const setBatched = ((partial: T | Partial<T> | ((s: T) => T | Partial<T>), replace?: boolean) => {
      if (draft === null) return (set as (p: typeof partial, r?: boolean) => void)(partial, replace)
      const next = typeof partial === 'function' ? (partial as (s: T) => T | Partial<T>)(draft) : partial
      if (Object.is(next, draft)) return
      draft = replace ? (next as T) : Object.assign({}, draft, next)
    }) as StoreApi<T>['setState']
    const getBatched = (): T => draft ?? get()
    api.setState = setBatched
    api.getState = getBatched
    batchers.set(api, (apply) => {
      if (draft !== null) return apply() // already inside a batch: join it
      draft = get()
      try {
        apply()
      } finally {
        const next = draft
        draft = null
        // Replacing with the same object is a no-op, so a burst that changed nothing notifies nobody.
        set(next, true)
      }
    })
    return init(setBatched, getBatched, api)
  }
}

/** Runs `apply` as one update of `store` (see {@link batchable}); a plain store just runs it. */
export function runBatched(store: object, apply: () => void): void {
  const batch = batchers.get(store)
  if (batch) batch(apply)
  else apply()
}
