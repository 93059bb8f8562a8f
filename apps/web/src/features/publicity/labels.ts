// Words of the publicity screens (宣传加分), in one place.
export const STAGES = ['drafting', 'reviewing', 'approved', 'submitted', 'awarded', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  drafting: '撰写中',
  reviewing: '审核中',
  approved: '待报送',
  submitted: '已报送',
  awarded: '已加分',
  rejected: '未采纳',
};
export const STAGE_COLORS: Record<Stage, string> = {
  drafting: 'blue',
  reviewing: 'gold',
  approved: 'cyan',
  submitted: 'purple',
  awarded: 'green',
  rejected: 'default',
};
/** A stage's tag colour (the stage is a plain string in the API). */
export const stageColor = (stage: string): string => STAGE_COLORS[stage as Stage] ?? 'default';
export const KIND_LABELS: Record<string, string> = { 'typical-case': '典型案例', episode: '《向前一步》', article: '12345市民热线专栏' };
export const ARTICLE_STATUSES = [
  { value: 'planned', label: '策划中' },
  { value: 'writing', label: '撰写中' },
  { value: 'published', label: '已刊发' },
  { value: 'cancelled', label: '已取消' },
] as const;
export const ACTION_LABELS: Record<string, string> = {
  nominated: '提名',
  drafted: '保存稿件',
  'material-added': '上传材料',
  sendForReview: '提交审核',
  approve: '审核通过',
  sendBack: '退回修改',
  submit: '报送',
  award: '登记加分',
  awarded: '登记加分',
  reject: '登记未采纳',
  scheduled: '策划节目',
  aired: '登记播出',
  cancelled: '取消',
  'task-done': '任务完成',
};
export const actionLabel = (a: string) => ACTION_LABELS[a] ?? (a.startsWith('created:') ? '新建' : a.startsWith('saved:') ? '修改' : a);

/** The current month in Beijing time, `YYYY-MM`. */
export function beijingMonth(d = new Date()): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** A deadline passed? (null: no deadline). */
export const overdue = (dueAt: string | null | undefined, now = Date.now()) => !!dueAt && new Date(dueAt).getTime() < now;
