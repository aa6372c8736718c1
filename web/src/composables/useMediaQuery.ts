// Whether a CSS media query matches, kept up to date (e.g. a dialog laid out for a phone).
import { getCurrentInstance, onBeforeUnmount, ref, type Ref } from 'vue'

/** A phone held upright (390 × 844 and the like). */
export const PHONE = '(max-width: 600px)'

export function useMediaQuery(query: string): Ref<boolean> {
  const list = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const matches = ref(list?.matches ?? false)
  if (list) {
    const changed = (e: MediaQueryListEvent) => (matches.value = e.matches)
    list.addEventListener('change', changed)
    if (getCurrentInstance()) onBeforeUnmount(() => list.removeEventListener('change', changed))
  }
  return matches
}
