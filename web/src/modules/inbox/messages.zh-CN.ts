// 待办（work items）的中文文案。Every key here must also be in messages.en.ts (the unit tests check);
// merged into the app's messages at start (src/i18n/index.ts).
const messages = {
  inbox: {
    title: '待办事项',
    bell: '待办',
    bellTitle: '我的待办：共 {n} 项',
    filters: {
      all: '全部',
      overdue: '已逾期',
      due_soon: '3天内到期',
      urgent: '紧急',
    },
    source: '来源',
    sources: {
      hazard: '隐患排查治理',
      duty: '值班值守',
    },
    allSources: '全部来源',
    kinds: {
      hazard: {
        assess: '待评估',
        assign: '待交办',
        start_rectification: '待整改',
        request_acceptance: '待申请验收',
        accept: '待验收',
        close_off: '待销号',
        overdue_major: '重大隐患逾期督办',
      },
      duty: {
        answer: '抽查连线',
        receive_intake: '待签收',
      },
    },
    hints: {
      hazard: {
        assess: '评估认定隐患等级',
        assign: '下达交办单，明确责任单位和整改期限',
        start_rectification: '制定整改方案（五落实）并开始整改',
        request_acceptance: '整改完成后上传佐证材料，申请验收',
        accept: '组织验收整改结果',
        close_off: '验收通过，办理销号',
        overdue_major: '重大隐患已逾期未整改，需督办',
      },
      duty: {
        answer: '市指挥中心正在抽查本值班室，请立即接听',
        receive_intake: '下级值班室上报的信息，请签收',
      },
    },
    tags: {
      overdue: '已逾期',
      dueSoon: '即将到期',
      urgent: '紧急',
    },
    noDue: '无办理期限',
    waitingSince: '{time} 起待办',
    open: '去办理',
    empty: '暂无待办事项',
    emptyFiltered: '没有符合条件的待办事项',
    refreshedAt: '更新于 {time}',
    notifications: {
      enable: '开启浏览器通知',
      enabled: '浏览器通知已开启',
      denied: '浏览器已拒绝本站的通知，可在浏览器的网站设置中允许',
      unsupported: '此浏览器不支持系统通知',
      hint: '页面在后台时，新的待办以系统通知提醒',
      newItem: '新待办：{what}',
      newUrgent: '紧急待办：{what}',
      more: '另有 {n} 项新待办',
    },
    alarm: {
      title: '紧急待办',
      open: '立即处理',
      dismiss: '知道了',
      dismissAll: '全部知道了',
      more: '另有 {n} 项紧急待办',
      viewAll: '查看全部紧急待办',
      soundBlocked: '浏览器暂未允许声音提醒，点击页面任意处即可开启',
    },
  },
}

export default messages
export type InboxMessages = typeof messages
