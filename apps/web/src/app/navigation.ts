// The single table of screens: path, menu label, icon and the roles allowed to use it.
// A new screen (回访, 督办, 宣传, 统计分析 …) plugs in by replacing its `component` here.
import { lazy, type ComponentType } from 'react';
import {
  BarChartOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  ControlOutlined,
  EyeOutlined,
  KeyOutlined,
  SearchOutlined,
  SendOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  FileExcelOutlined,
  InboxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  TeamOutlined,
  ScheduleOutlined,
  CheckSquareOutlined,
} from '@ant-design/icons';
import type { Role } from '../shared/types';

export interface NavEntry {
  key: string;
  /** Route path; also the menu key. */
  path: string;
  label: string;
  icon: ComponentType;
  roles: readonly Role[];
  /** Menu group (rendered as a sub-menu); entries without a group are top level. */
  group?: string;
  component: ComponentType;
  /** Not built yet: shows a "coming soon" page. */
  placeholder?: boolean;
}

const ComingSoon = lazy(() => import('../pages/analytics'));

export const NAVIGATION: readonly NavEntry[] = [
  {
    key: 'duty',
    path: '/duty',
    label: '值守工作台',
    icon: DesktopOutlined,
    roles: ['duty'],
    component: lazy(() => import('../pages/duty')),
  },
  {
    key: 'inbox',
    path: '/inbox',
    label: '科室工作台',
    icon: InboxOutlined,
    roles: ['handler'],
    component: lazy(() => import('../pages/inbox')),
  },
  {
    key: 'review',
    path: '/review',
    label: '局审核',
    icon: FileDoneOutlined,
    roles: ['duty', 'supervisor'],
    component: lazy(() => import('../pages/review')),
  },
  {
    key: 'callback',
    path: '/callback',
    label: '回访',
    icon: PhoneOutlined,
    roles: ['callback', 'supervisor'],
    component: lazy(() => import('../pages/callback')),
  },
  {
    key: 'three-rates',
    path: '/three-rates',
    label: '三率考核',
    icon: BarChartOutlined,
    roles: ['leader', 'supervisor'],
    component: lazy(() => import('../pages/three-rates')),
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: '督办',
    icon: AuditOutlined,
    roles: ['supervisor', 'leader'],
    component: lazy(() => import('../pages/supervision')),
  },
  {
    key: 'scripts',
    path: '/scripts',
    label: '答复口径',
    icon: BookOutlined,
    roles: ['supervisor', 'leader', 'duty'],
    component: lazy(() => import('../pages/scripts')),
  },
  {
    key: 'clusters',
    path: '/clusters',
    label: '聚类/重点人',
    icon: ClusterOutlined,
    roles: ['supervisor', 'leader', 'duty'],
    component: lazy(() => import('../pages/clusters')),
  },
  {
    key: 'publicity',
    path: '/publicity',
    label: '宣传',
    icon: NotificationOutlined,
    roles: ['supervisor', 'leader'],
    component: lazy(() => import('../pages/publicity')),
  },
  {
    key: 'publicity-tasks',
    path: '/publicity/tasks',
    label: '宣传任务',
    icon: NotificationOutlined,
    roles: ['handler'],
    component: lazy(() => import('../pages/publicity-tasks')),
  },
  // 调度会 and 督办事项 (supervision): meetings for supervisors and leaders; tasks for them and for each department.
  {
    key: 'meetings',
    path: '/meetings',
    label: '调度会',
    icon: ScheduleOutlined,
    roles: ['supervisor', 'leader'],
    component: lazy(() => import('../pages/meetings')),
  },
  {
    key: 'tracked-tasks',
    path: '/tracked-tasks',
    label: '督办事项',
    icon: CheckSquareOutlined,
    roles: ['supervisor', 'leader', 'handler'],
    component: lazy(() => import('../pages/tracked-tasks')),
  },
  {
    key: 'analytics',
    path: '/analytics',
    label: '统计分析',
    icon: BarChartOutlined,
    roles: ['leader', 'supervisor', 'admin'],
    component: ComingSoon,
    placeholder: true,
  },
  {
    key: 'admin-departments',
    path: '/admin/departments',
    label: '科室管理',
    icon: ApartmentOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-departments')),
  },
  {
    key: 'admin-users',
    path: '/admin/users',
    label: '用户管理',
    icon: TeamOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-users')),
  },
  {
    key: 'admin-catalogue',
    path: '/admin/catalogue',
    label: '权责清单',
    icon: BookOutlined,
    roles: ['admin', 'supervisor'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-catalogue')),
  },
  // 督办 (supervision): the working calendar and the clock definitions.
  {
    key: 'admin-calendar',
    path: '/admin/calendar',
    label: '工作日历',
    icon: CalendarOutlined,
    roles: ['admin', 'supervisor'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-calendar')),
  },
  {
    key: 'admin-clocks',
    path: '/admin/clocks',
    label: '时限规则',
    icon: FieldTimeOutlined,
    roles: ['admin', 'supervisor'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-clocks')),
  },
  // The administrator's side of 聚类/重点人: the thresholds (and the key-person list).
  {
    key: 'admin-clusters',
    path: '/admin/clusters',
    label: '聚类阈值',
    icon: ClusterOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-clusters')),
  },
  // 回访 (callback): the scoring policy's versions (三率考核口径).
  {
    key: 'admin-scoring-policy',
    path: '/admin/scoring-policy',
    label: '考核口径',
    icon: ControlOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-scoring-policy')),
  },
  // 诉求受理 (intake): import, search, feedback; admin settings in 系统管理.
  {
    key: 'intake-import',
    path: '/intake/import',
    label: '工单导入',
    icon: CloudUploadOutlined,
    roles: ['duty', 'admin'],
    group: '诉求受理',
    component: lazy(() => import('../pages/intake-import')),
  },
  {
    key: 'intake-search',
    path: '/intake/search',
    label: '工单查询',
    icon: SearchOutlined,
    roles: ['duty', 'supervisor', 'leader', 'handler'],
    group: '诉求受理',
    component: lazy(() => import('../pages/intake-search')),
  },
  {
    key: 'intake-feedback',
    path: '/intake/feedback',
    label: '办结反馈',
    icon: SendOutlined,
    roles: ['duty', 'admin'],
    group: '诉求受理',
    component: lazy(() => import('../pages/intake-feedback')),
  },
  {
    key: 'admin-open311',
    path: '/admin/open311',
    label: 'Open311 接口密钥',
    icon: KeyOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-open311')),
  },
  {
    key: 'admin-intake-rules',
    path: '/admin/intake-rules',
    label: '受理规则与主题',
    icon: ControlOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-intake-rules')),
  },
  {
    key: 'admin-reveal-log',
    path: '/admin/reveal-log',
    label: '个人信息查看记录',
    icon: EyeOutlined,
    roles: ['admin'],
    group: '系统管理',
    component: lazy(() => import('../pages/admin-reveal-log')),
  },
  // After the administrator's screens so an administrator still lands on 科室管理.
  {
    key: 'exclusions',
    path: '/exclusions',
    label: '不纳入考核',
    icon: FileExcelOutlined,
    roles: ['supervisor', 'leader', 'admin'],
    component: lazy(() => import('../pages/exclusions')),
  },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}

/** Where a role lands after login: its first built screen, else its first screen. */
export function homePathFor(role: Role): string {
  const entries = navigationFor(role);
  return (entries.find((e) => !e.placeholder) ?? entries[0])?.path ?? '/welcome';
}

export function canAccess(role: Role, path: string): boolean {
  const entry = NAVIGATION.find((e) => e.path === path);
  return entry ? entry.roles.includes(role) : true;
}
