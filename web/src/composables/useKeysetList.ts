// A keyset-paged list: the first page, "load more", and their loading and error states. Answers
// to an older request (the filters changed meanwhile) are dropped.
import { ref, shallowRef } from 'vue'
import type { Page } from '@/api/types'

export function useKeysetList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([])
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const loadingMore = ref(false)
  const error = shallowRef<unknown>(null)
  const moreError = shallowRef<unknown>(null)
  let generation = 0

  async function loadFirst() {
    const gen = ++generation
    loading.value = true
    error.value = null
    moreError.value = null
    try {
      const page = await fetchPage(null)
      if (gen !== generation) return
      items.value = page.items
      nextCursor.value = page.next_cursor
    } catch (e) {
      if (gen !== generation) return
      items.value = []
      nextCursor.value = null
      error.value = e
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  async function loadMore() {
    if (!nextCursor.value || loadingMore.value) return
    const gen = generation
    loadingMore.value = true
    moreError.value = null
    try {
      const page = await fetchPage(nextCursor.value)
      if (gen !== generation) return
      items.value = [...items.value, ...page.items]
      nextCursor.value = page.next_cursor
    } catch (e) {
      moreError.value = e
    } finally {
      loadingMore.value = false
    }
  }

  return { items, nextCursor, loading, loadingMore, error, moreError, loadFirst, loadMore }
}

/** What useKeysetList gives a page (ListFooter takes it whole). */
export type KeysetList<T> = ReturnType<typeof useKeysetList<T>>
