// The left menu, by module. Each item names a route; items the role may not use are left out.
import type { Component } from 'vue'
import {
  Bell,
  Calendar,
  DataAnalysis,
  Document,
  PhoneFilled,
  VideoCamera,
  Headset,
  Histogram,
  List,
  Location,
  Monitor,
  Warning,
  WarningFilled,
  MapLocation,
  OfficeBuilding,
  School,
  User,
  Tickets,
} from '@element-plus/icons-vue'
import type { Permission } from '@/utils/permissions'
import type { Role } from '@/api/types'

export interface NavItem {
  name: string
  titleKey: string
  icon: Component
  permission?: Permission
}

export interface NavGroup {
  key: string
  titleKey: string
  items: NavItem[]
}

export const NAV: NavGroup[] = [
  {
    key: 'command',
    titleKey: 'nav.command',
    items: [
      { name: 'home', titleKey: 'nav.home', icon: Monitor },
      { name: 'inbox', titleKey: 'inbox.title', icon: List, permission: 'inbox.read' },
    ],
  },
  {
    key: 'duty',
    titleKey: 'nav.dutyGroup',
    items: [
      { name: 'duty-console', titleKey: 'nav.dutyConsole', icon: Headset, permission: 'duty.read' },
      { name: 'duty-rota', titleKey: 'nav.dutyRota', icon: Calendar, permission: 'duty.read' },
      { name: 'duty-log', titleKey: 'nav.dutyLog', icon: Document, permission: 'duty.read' },
      {
        name: 'duty-intake',
        titleKey: 'nav.dutyIntake',
        icon: PhoneFilled,
        permission: 'duty.read',
      },
      {
        name: 'spot-checks',
        titleKey: 'nav.spotChecks',
        icon: VideoCamera,
        permission: 'rollcalls.read',
      },
      {
        name: 'duty-stats',
        titleKey: 'nav.dutyStats',
        icon: DataAnalysis,
        permission: 'rollcalls.read',
      },
    ],
  },
  {
    key: 'basics',
    titleKey: 'nav.basics',
    items: [
      { name: 'jurisdictions', titleKey: 'nav.jurisdictions', icon: MapLocation },
      { name: 'departments', titleKey: 'nav.departments', icon: OfficeBuilding },
    ],
  },
  {
    key: 'enterprise',
    titleKey: 'nav.enterpriseGroup',
    items: [
      {
        name: 'enterprises',
        titleKey: 'nav.enterprises',
        icon: School,
        permission: 'enterprises.read',
      },
    ],
  },
  {
    key: 'hazard',
    titleKey: 'nav.hazardGroup',
    items: [
      { name: 'hazards', titleKey: 'nav.hazards', icon: Warning, permission: 'hazards.read' },
      {
        name: 'hazards-major',
        titleKey: 'nav.hazardsMajor',
        icon: WarningFilled,
        permission: 'hazards.read',
      },
      {
        name: 'hazards-map',
        titleKey: 'nav.hazardsMap',
        icon: Location,
        permission: 'hazards.read',
      },
      {
        name: 'hazards-stats',
        titleKey: 'nav.hazardsStats',
        icon: Histogram,
        permission: 'hazards.read',
      },
      { name: 'notices', titleKey: 'nav.notices', icon: Bell, permission: 'notices.read' },
    ],
  },
  {
    key: 'system',
    titleKey: 'nav.system',
    items: [
      { name: 'users', titleKey: 'nav.users', icon: User, permission: 'users.read' },
      { name: 'audit', titleKey: 'nav.audit', icon: Tickets, permission: 'audit.read' },
    ],
  },
]

/** The menu for a role: groups with the items it may use, empty groups dropped. */
export function navFor(may: (p: Permission) => boolean): NavGroup[] {
  return NAV.map((g) => ({
    ...g,
    items: g.items.filter((i) => !i.permission || may(i.permission)),
  })).filter((g) => g.items.length > 0)
}

/** Words a role sees instead of the menu's own: an enterprise's people have no command centre. */
const ROLE_TITLES: Partial<Record<Role, Record<string, string>>> = {
  enterprise_officer: { 'nav.command': 'home.enterprise.group', 'nav.home': 'home.enterprise.nav' },
}

/** The message a role sees for a menu group, item or breadcrumb. */
export function titleFor(key: string, role: Role | null | undefined): string {
  return (role && ROLE_TITLES[role]?.[key]) || key
}
