// A value loaded from the server, with its loading and error state, for pages and stores.
import { shallowRef, ref, type Ref, type ShallowRef } from 'vue'

export interface Loadable<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: ShallowRef<unknown>
  /** Loads (again); concurrent calls share one request. Resolves to the data or null on error. */
  load: (force?: boolean) => Promise<T | null>
}

export function loadable<T>(fetcher: () => Promise<T>): Loadable<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let pending: Promise<T | null> | null = null

  function load(force = false): Promise<T | null> {
    if (pending) return pending
    if (data.value !== null && !force) return Promise.resolve(data.value)
    loading.value = true
    error.value = null
    pending = fetcher()
      .then((v) => {
        data.value = v
        return v
      })
      .catch((e: unknown) => {
        error.value = e
        return null
      })
      .finally(() => {
        loading.value = false
        pending = null
      })
    return pending
  }

  return { data, loading, error, load }
}
