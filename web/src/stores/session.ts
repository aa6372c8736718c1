// The signed-in user and the session's CSRF token.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { CSRF_COOKIE, readCookie, setCsrfToken } from '@/api/client'
import * as endpoints from '@/api/endpoints'
import type { Me, User } from '@/api/types'
import { can, type Permission } from '@/utils/permissions'

export type SessionState = 'unknown' | 'authenticated' | 'anonymous'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const state = ref<SessionState>('unknown')

  const role = computed(() => user.value?.role ?? null)

  function setUser(u: User | Me, csrf: string | null) {
    user.value = u
    state.value = 'authenticated'
    setCsrfToken(csrf)
  }

  function clear() {
    user.value = null
    state.value = 'anonymous'
    setCsrfToken(null)
  }

  /**
   * Asks the server who is signed in (a 401 means nobody: no redirect from here). Without the
   * anlan_csrf cookie, which the server sets with every session, nobody is: no request needed.
   */
  async function load(): Promise<boolean> {
    if (!readCookie(CSRF_COOKIE)) {
      clear()
      return false
    }
    try {
      const me = await endpoints.getMe(true)
      setUser(me, me.csrf_token)
      return true
    } catch (e) {
      if ((e as { status?: number }).status === 401) {
        clear()
        return false
      }
      throw e
    }
  }

  async function login(username: string, password: string) {
    const res = await endpoints.login(username, password)
    setUser(res.user, res.csrf_token)
    return res
  }

  async function logout() {
    try {
      await endpoints.logout()
    } finally {
      clear()
    }
  }

  function may(p: Permission): boolean {
    return can(role.value, p)
  }

  return { user, state, role, setUser, clear, load, login, logout, may }
})
