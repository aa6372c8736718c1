// Routes, their titles and breadcrumbs, and the guard: who is signed in, what the role may open.
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import type { Permission } from '@/utils/permissions'
import { safeRedirect } from '@/utils/redirect'
import { i18n } from '@/i18n'

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: string
    permission?: Permission
    public?: boolean
    /** Breadcrumb trail above the page's own title: i18n keys and optional route names. */
    crumbs?: { titleKey: string; to?: string }[]
    /** The menu item to highlight. */
    menu?: string
  }
}

const AppShell = () => import('@/layouts/AppShell.vue')

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('@/modules/auth/LoginPage.vue'),
      meta: { public: true, titleKey: 'login.title' },
    },
    {
      path: '/',
      component: AppShell,
      children: [
        {
          path: '',
          name: 'home',
          component: () => import('@/modules/home/HomePage.vue'),
          meta: { titleKey: 'nav.home', crumbs: [{ titleKey: 'nav.command' }], menu: 'home' },
        },
        {
          path: 'inbox',
          name: 'inbox',
          component: () => import('@/modules/inbox/InboxPage.vue'),
          meta: {
            titleKey: 'inbox.title',
            permission: 'inbox.read',
            crumbs: [{ titleKey: 'nav.command' }],
            menu: 'inbox',
          },
        },
        {
          path: 'duty',
          name: 'duty-console',
          component: () => import('@/modules/duty/DutyConsolePage.vue'),
          meta: {
            titleKey: 'nav.dutyConsole',
            permission: 'duty.read',
            crumbs: [{ titleKey: 'nav.dutyGroup' }],
            menu: 'duty-console',
          },
        },
        {
          path: 'duty/rota',
          name: 'duty-rota',
          component: () => import('@/modules/duty/RotaPage.vue'),
          meta: {
            titleKey: 'nav.dutyRota',
            permission: 'duty.read',
            crumbs: [{ titleKey: 'nav.dutyGroup' }],
            menu: 'duty-rota',
          },
        },
        {
          path: 'duty/log',
          name: 'duty-log',
          component: () => import('@/modules/duty/DutyLogPage.vue'),
          meta: {
            titleKey: 'nav.dutyLog',
            permission: 'duty.read',
            crumbs: [{ titleKey: 'nav.dutyGroup' }],
            menu: 'duty-log',
          },
        },
        {
          path: 'duty/intake',
          name: 'duty-intake',
          component: () => import('@/modules/duty/IntakePage.vue'),
          meta: {
            titleKey: 'nav.dutyIntake',
            permission: 'duty.read',
            crumbs: [{ titleKey: 'nav.dutyGroup' }],
            menu: 'duty-intake',
          },
        },
        {
          path: 'duty/stats',
          name: 'duty-stats',
          component: () => import('@/modules/duty/RoomStatsPage.vue'),
          meta: {
            titleKey: 'nav.dutyStats',
            permission: 'rollcalls.read',
            crumbs: [{ titleKey: 'nav.dutyGroup' }],
            menu: 'duty-stats',
          },
        },
        {
          path: 'spot-checks',
          name: 'spot-checks',
          component: () => import('@/modules/duty/SpotCheckListPage.vue'),
          meta: {
            titleKey: 'nav.spotChecks',
            permission: 'rollcalls.read',
            crumbs: [{ titleKey: 'nav.dutyGroup' }],
            menu: 'spot-checks',
          },
        },
        {
          path: 'spot-checks/new',
          name: 'spot-check-new',
          component: () => import('@/modules/duty/SpotCheckStartPage.vue'),
          meta: {
            titleKey: 'nav.spotCheckNew',
            permission: 'rollcalls.run',
            crumbs: [
              { titleKey: 'nav.dutyGroup' },
              { titleKey: 'nav.spotChecks', to: 'spot-checks' },
            ],
            menu: 'spot-checks',
          },
        },
        {
          path: 'spot-checks/:id(\\d+)',
          name: 'spot-check',
          component: () => import('@/modules/duty/SpotCheckRunPage.vue'),
          props: true,
          meta: {
            titleKey: 'nav.spotCheck',
            permission: 'rollcalls.read',
            crumbs: [
              { titleKey: 'nav.dutyGroup' },
              { titleKey: 'nav.spotChecks', to: 'spot-checks' },
            ],
            menu: 'spot-checks',
          },
        },
        {
          path: 'spot-checks/:id(\\d+)/notice',
          name: 'spot-check-notice',
          component: () => import('@/modules/duty/SpotCheckNoticePage.vue'),
          props: true,
          meta: {
            titleKey: 'nav.spotCheckNotice',
            permission: 'rollcalls.read',
            crumbs: [
              { titleKey: 'nav.dutyGroup' },
              { titleKey: 'nav.spotChecks', to: 'spot-checks' },
            ],
            menu: 'spot-checks',
          },
        },
        {
          path: 'jurisdictions',
          name: 'jurisdictions',
          component: () => import('@/modules/org/JurisdictionsPage.vue'),
          meta: {
            titleKey: 'nav.jurisdictions',
            crumbs: [{ titleKey: 'nav.basics' }],
            menu: 'jurisdictions',
          },
        },
        {
          path: 'departments',
          name: 'departments',
          component: () => import('@/modules/org/DepartmentsPage.vue'),
          meta: {
            titleKey: 'nav.departments',
            crumbs: [{ titleKey: 'nav.basics' }],
            menu: 'departments',
          },
        },
        {
          path: 'enterprises',
          name: 'enterprises',
          component: () => import('@/modules/enterprise/EnterpriseListPage.vue'),
          meta: {
            titleKey: 'nav.enterprises',
            permission: 'enterprises.read',
            crumbs: [{ titleKey: 'nav.enterpriseGroup' }],
            menu: 'enterprises',
          },
        },
        {
          path: 'enterprises/new',
          name: 'enterprise-new',
          component: () => import('@/modules/enterprise/EnterpriseFormPage.vue'),
          meta: {
            titleKey: 'nav.enterpriseNew',
            permission: 'enterprises.write',
            crumbs: [
              { titleKey: 'nav.enterpriseGroup' },
              { titleKey: 'nav.enterprises', to: 'enterprises' },
            ],
            menu: 'enterprises',
          },
        },
        {
          path: 'enterprises/:id(\\d+)',
          name: 'enterprise',
          component: () => import('@/modules/enterprise/EnterpriseDetailPage.vue'),
          props: true,
          meta: {
            titleKey: 'nav.enterpriseDetail',
            permission: 'enterprises.read',
            crumbs: [
              { titleKey: 'nav.enterpriseGroup' },
              { titleKey: 'nav.enterprises', to: 'enterprises' },
            ],
            menu: 'enterprises',
          },
        },
        {
          path: 'enterprises/:id(\\d+)/edit',
          name: 'enterprise-edit',
          component: () => import('@/modules/enterprise/EnterpriseFormPage.vue'),
          props: true,
          meta: {
            titleKey: 'nav.enterpriseEdit',
            permission: 'enterprises.write',
            crumbs: [
              { titleKey: 'nav.enterpriseGroup' },
              { titleKey: 'nav.enterprises', to: 'enterprises' },
            ],
            menu: 'enterprises',
          },
        },
        {
          path: 'hazards',
          name: 'hazards',
          component: () => import('@/modules/hazard/HazardListPage.vue'),
          meta: {
            titleKey: 'nav.hazards',
            permission: 'hazards.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }],
            menu: 'hazards',
          },
        },
        {
          path: 'hazards/major',
          name: 'hazards-major',
          component: () => import('@/modules/hazard/HazardListPage.vue'),
          props: { major: true },
          meta: {
            titleKey: 'nav.hazardsMajor',
            permission: 'hazards.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }],
            menu: 'hazards-major',
          },
        },
        {
          path: 'hazards/new',
          name: 'hazard-new',
          component: () => import('@/modules/hazard/HazardFormPage.vue'),
          meta: {
            titleKey: 'nav.hazardNew',
            permission: 'hazards.register',
            crumbs: [{ titleKey: 'nav.hazardGroup' }, { titleKey: 'nav.hazards', to: 'hazards' }],
            menu: 'hazards',
          },
        },
        {
          path: 'hazards/map',
          name: 'hazards-map',
          component: () => import('@/modules/hazard/HazardMapPage.vue'),
          meta: {
            titleKey: 'nav.hazardsMap',
            permission: 'hazards.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }],
            menu: 'hazards-map',
          },
        },
        {
          path: 'hazards/stats',
          name: 'hazards-stats',
          component: () => import('@/modules/hazard/HazardStatsPage.vue'),
          meta: {
            titleKey: 'nav.hazardsStats',
            permission: 'hazards.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }],
            menu: 'hazards-stats',
          },
        },
        {
          path: 'hazards/:id(\\d+)',
          name: 'hazard',
          component: () => import('@/modules/hazard/HazardDetailPage.vue'),
          props: true,
          meta: {
            titleKey: 'nav.hazardDetail',
            permission: 'hazards.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }, { titleKey: 'nav.hazards', to: 'hazards' }],
            menu: 'hazards',
          },
        },
        {
          path: 'notices',
          name: 'notices',
          component: () => import('@/modules/hazard/NoticeListPage.vue'),
          meta: {
            titleKey: 'nav.notices',
            permission: 'notices.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }],
            menu: 'notices',
          },
        },
        {
          path: 'notices/:id(\\d+)',
          name: 'notice',
          component: () => import('@/modules/hazard/NoticeDetailPage.vue'),
          props: true,
          meta: {
            titleKey: 'nav.noticeDetail',
            permission: 'notices.read',
            crumbs: [{ titleKey: 'nav.hazardGroup' }, { titleKey: 'nav.notices', to: 'notices' }],
            menu: 'notices',
          },
        },
        {
          path: 'users',
          name: 'users',
          component: () => import('@/modules/auth/UsersPage.vue'),
          meta: {
            titleKey: 'nav.users',
            permission: 'users.read',
            crumbs: [{ titleKey: 'nav.system' }],
            menu: 'users',
          },
        },
        {
          path: 'audit',
          name: 'audit',
          component: () => import('@/modules/audit/AuditPage.vue'),
          meta: {
            titleKey: 'nav.audit',
            permission: 'audit.read',
            crumbs: [{ titleKey: 'nav.system' }],
            menu: 'audit',
          },
        },
        {
          path: 'forbidden',
          name: 'forbidden',
          component: () => import('@/modules/home/StatusPage.vue'),
          props: { kind: 'forbidden' },
          meta: { titleKey: 'errors.forbiddenPage' },
        },
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('@/modules/home/StatusPage.vue'),
          props: { kind: 'not-found' },
          meta: { titleKey: 'errors.notFoundPage' },
        },
      ],
    },
  ],
})

export function pageTitle(route: RouteLocationNormalized): string {
  const t = i18n.global.t
  const own = route.meta.titleKey ? t(route.meta.titleKey) : ''
  return own ? `${own} - ${t('app.fullTitle')}` : t('app.fullTitle')
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (session.state === 'unknown') {
    try {
      await session.load()
    } catch {
      // The server did not answer: treat as signed out; the sign-in page shows the error.
      session.clear()
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.state === 'authenticated') {
      return safeRedirect(to.query.redirect)
    }
    return true
  }
  if (session.state !== 'authenticated') {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.meta.permission && !session.may(to.meta.permission)) {
    return { name: 'forbidden' }
  }
  return true
})

router.afterEach((to) => {
  document.title = pageTitle(to)
})
