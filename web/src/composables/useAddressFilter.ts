// A list's filters, read from the address and written back to it on every change; `onChange` runs
// at once, or 300 ms after the last keystroke in a text box (the `typed` keys, by default `q`).
import { reactive, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { filterFromQuery, queryFromFilter, type Filter } from '@/utils/listQuery'

export function useAddressFilter<F extends Filter>(
  defaults: F,
  onChange: () => void,
  allowed: Partial<Record<keyof F, readonly string[]>> = {},
  typed: readonly (keyof F)[] = ['q'],
) {
  const route = useRoute()
  const router = useRouter()
  const filter = reactive({ ...filterFromQuery(route.query, defaults, allowed) }) as F
  let typing: ReturnType<typeof setTimeout> | null = null

  watch(
    () => ({ ...filter }) as F,
    (f, old) => {
      void router.replace({ query: queryFromFilter(f, defaults) })
      if (typing) clearTimeout(typing)
      typing = null
      if (typed.some((k) => f[k] !== old[k])) typing = setTimeout(onChange, 300)
      else onChange()
    },
  )

  /** Sets every key (missing keys take their default). */
  function apply(values: Partial<F>) {
    Object.assign(filter, { ...defaults, ...values })
  }

  function reset() {
    apply({})
  }

  /** The filter as an address query (what a saved filter keeps). */
  const query = () => queryFromFilter({ ...filter } as F, defaults)

  return { filter, apply, reset, query }
}
