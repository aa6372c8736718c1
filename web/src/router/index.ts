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
