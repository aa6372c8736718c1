// The server's time as a ref that moves every `intervalMs` (header clock, countdowns, the shift on
// duty), stopped with the component or scope that made it.
import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'
import { serverNow } from '@/utils/serverTime'

export function useNow(intervalMs: number): Readonly<Ref<number>> {
  const now = ref(serverNow())
  const timer = setInterval(() => (now.value = serverNow()), intervalMs)
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer))
  return now
}
