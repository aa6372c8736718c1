import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { router } from './router'
import { i18n, setLocale, currentLocale } from './i18n'
import { installElement } from './plugins/element'
import { onUnauthenticated } from './api/client'
import { serverTimeKnown } from './utils/serverTime'
import { useReferenceStore } from './stores/reference'
import { useSessionStore } from './stores/session'
import { useLiveEventsStore } from './stores/liveEvents'
// Modules' home-page cards (registerHomeCard).
import './modules/hazard/cards'
import './modules/duty/cards'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
installElement(app)
app.use(router)
setLocale(currentLocale())

// A 401 anywhere: the session is gone. Go to the sign-in page and come back afterwards.
onUnauthenticated(() => {
  const session = useSessionStore()
  const wasSignedIn = session.state === 'authenticated'
  session.clear()
  useReferenceStore().reset() // the next user may see another part of the tree
  useLiveEventsStore().stop()
  const current = router.currentRoute.value
  if (current.name === 'login') return
  void router.push({
    name: 'login',
    query: { redirect: current.fullPath, ...(wasSignedIn ? { expired: '1' } : {}) },
  })
})

// Every "now" counts on the server's clock, not this computer's: known before the first paint
// (unless the server takes long to answer).
void serverTimeKnown(1500).then(() => app.mount('#app'))
