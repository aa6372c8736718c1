// What each role may use. The server decides in the end; the UI only hides what would be refused.
import type { Role } from '@/api/types'

export type Permission =
  | 'users.read'
  | 'users.write'
  | 'audit.read'
  | 'enterprises.read'
  | 'enterprises.write'
  | 'enterprises.import'
  | 'hazards.read'
  | 'hazards.register'
  | 'notices.read'
  | 'notices.issue'
  | 'duty.read'
  | 'duty.keep'
  | 'rollcalls.read'
  | 'rollcalls.run'
  | 'inbox.read'

const ALL: readonly Role[] = [
  'admin',
  'commander',
  'duty_officer',
  'department_officer',
  'enterprise_officer',
]

const TABLE: Record<Permission, readonly Role[]> = {
  'users.read': ['admin', 'commander'],
  'users.write': ['admin'],
  'audit.read': ['admin'],
  'enterprises.read': [
    'admin',
    'commander',
    'duty_officer',
    'department_officer',
    'enterprise_officer',
  ],
  // Server rule (enterprise/rules.h): administrators, commanders and department officers write.
  'enterprises.write': ['admin', 'commander', 'department_officer'],
  'enterprises.import': ['admin', 'commander', 'department_officer'],
  // Server rules (hazard/rules.cc): everyone reads within their scope; government roles and
  // enterprise officers (their own enterprise) register; commanders and duty officers issue notices.
  'hazards.read': ALL,
  'hazards.register': ['commander', 'duty_officer', 'department_officer', 'enterprise_officer'],
  'notices.read': ALL,
  'notices.issue': ['commander', 'duty_officer'],
  // Server rules (duty/rules.cc): rooms are read within one's scope (not by enterprises), kept by
  // their duty officers and the commanders above; the city's commanders run spot checks.
  'duty.read': ['admin', 'commander', 'duty_officer'],
  'duty.keep': ['commander', 'duty_officer'],
  'rollcalls.read': ['admin', 'commander', 'duty_officer'],
  'rollcalls.run': ['commander'],
  // Work items wait on the people who act on records; nothing waits on administrators.
  'inbox.read': ['commander', 'duty_officer', 'department_officer', 'enterprise_officer'],
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && TABLE[permission].includes(role)
}
