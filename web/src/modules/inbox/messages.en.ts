// The to-do inbox (work items) in English: exactly the keys of messages.zh-CN.ts.
import type { InboxMessages } from './messages.zh-CN'

const messages: InboxMessages = {
  inbox: {
    title: 'To-do',
    bell: 'To-do',
    bellTitle: 'My to-do: {n} in all',
    filters: {
      all: 'All',
      overdue: 'Overdue',
      due_soon: 'Due in 3 days',
      urgent: 'Urgent',
    },
    source: 'Source',
    sources: {
      hazard: 'Hazards',
      duty: 'Duty',
    },
    allSources: 'All sources',
    kinds: {
      hazard: {
        assess: 'To assess',
        assign: 'To assign',
        start_rectification: 'To rectify',
        request_acceptance: 'To request acceptance',
        accept: 'To accept',
        close_off: 'To close off',
        overdue_major: 'Overdue major hazard',
      },
      duty: {
        answer: 'Spot-check call',
        receive_intake: 'To receive',
      },
    },
    hints: {
      hazard: {
        assess: 'Assess the hazard and decide its grade',
        assign: 'Issue the assignment slip: who rectifies, by when',
        start_rectification: 'Make the rectification plan (five items) and start rectifying',
        request_acceptance: 'Rectification done: upload the evidence and request acceptance',
        accept: 'Check the rectification and accept it',
        close_off: 'Accepted: close the hazard off',
        overdue_major: 'A major hazard is past its deadline: supervise it',
      },
      duty: {
        answer: 'The city is spot-checking this duty room: answer now',
        receive_intake: 'A report passed up by a duty room below: receive it',
      },
    },
    tags: {
      overdue: 'Overdue',
      dueSoon: 'Due soon',
      urgent: 'Urgent',
    },
    noDue: 'No deadline',
    waitingSince: 'Waiting since {time}',
    open: 'Open',
    empty: 'Nothing to do',
    emptyFiltered: 'No to-do matches',
    refreshedAt: 'Updated {time}',
    notifications: {
      enable: 'Enable browser notifications',
      enabled: 'Browser notifications on',
      denied: 'The browser blocks notifications from this site; allow them in its site settings',
      unsupported: 'This browser has no notifications',
      hint: 'While the page is in the background, new to-dos arrive as notifications',
      newItem: 'New to-do: {what}',
      newUrgent: 'Urgent to-do: {what}',
      more: '{n} more new to-dos',
    },
    alarm: {
      title: 'Urgent',
      open: 'Handle now',
      dismiss: 'Got it',
      dismissAll: 'Got them all',
      more: '{n} more urgent to-dos',
      viewAll: 'All urgent to-dos',
      soundBlocked: 'The browser holds sound back: click anywhere on the page to allow it',
    },
  },
}

export default messages
