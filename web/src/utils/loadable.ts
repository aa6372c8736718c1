// A value loaded from the server, with its loading and error state, for pages and stores.
import { shallowRef, ref, type Ref, type ShallowRef } from 'vue'

export interface Loadable<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: ShallowRef<unknown>
  /**
   * Loads if nothing is loaded yet; calls while a load is out share it. `force` starts a new
   * request even then (its question may be newer: a filter changed, something was saved): only
   * the latest request's answer is kept, and every caller still waiting, the earlier ones too,
   * gets that one. Resolves to the data, or null on an error (or after clear()).
   */
  load: (force?: boolean) => Promise<T | null>
  /** Forgets the data and drops any answer still out (e.g. the session ended). */
  clear: () => void
}

export function loadable<T>(fetcher: () => Promise<T>): Loadable<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  /** The latest request still out, and its number: older answers arriving later are dropped. */
  let pending: Promise<T | null> | null = null
  let latest = 0
  /** What the latest finished request resolved to. */
  let settled: T | null = null

  /** For a caller whose request was overtaken: what the latest one gives. */
  const current = (): Promise<T | null> => pending ?? Promise.resolve(settled)

  function load(force = false): Promise<T | null> {
    if (pending && !force) return pending
    if (data.value !== null && !force) return Promise.resolve(data.value)
    const mine = ++latest
    loading.value = true
    error.value = null
    const request: Promise<T | null> = fetcher().then(
      (v) => {
        if (mine !== latest) return current()
        data.value = v
        return finish(v)
      },
      (e: unknown) => {
        if (mine !== latest) return current()
        error.value = e
        return finish(null)
      },
    )
    pending = request
    return request
  }

  function finish(v: T | null): T | null {
    settled = v
    pending = null
    loading.value = false
    return v
  }

  function clear() {
    latest++
    data.value = null
    error.value = null
    finish(null)
  }

  return { data, loading, error, load, clear }
}
