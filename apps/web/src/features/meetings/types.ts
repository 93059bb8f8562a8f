export interface TaskReminder {
  sharePct: number;
  level: string;
  levelLabel: string;
  recipients: string[];
  fireAt: string | null;
  firedAt: string | null;
  skipped: boolean;
}
export interface TrackedTask {
  id: string;
  source: string;
  sourceLabel: string;
  sourceId: string;
  meetingId: string | null;
  decisionId: string | null;
  title: string;
  department: { id: string };
  departmentName: string;
  dueDate: string;
  dueAt: string;
  status: string;
  overdue: boolean;
  doneAt: string | null;
  doneNote: string | null;
  reminders: TaskReminder[];
}
export interface MaterialCase {
  case: { id: string };
  externalNo: string;
  title: string;
  topic: string;
  departmentName: string;
  completed: boolean;
  overdue: boolean;
  overdueClocks: string[];
  reopened: boolean;
}
export interface MaterialCount {
  key: string;
  label: string;
  count: number;
}
export interface Material {
  periodFrom: string;
  periodTo: string;
  total: number;
  overdueTotal: number;
  reopenedTotal: number;
  byDepartment: MaterialCount[];
  byTopic: MaterialCount[];
  weekly: Array<{ weekStart: string; count: number }>;
  topProblems: Array<{ topic: string; departmentId: string | null; departmentName: string; count: number; overdue: number }>;
  overdueCases: MaterialCase[];
  reopenedCases: MaterialCase[];
}
export interface MeetingSummary {
  id: string;
  title: string;
  heldOn: string;
  periodFrom: string;
  periodTo: string;
  departments: Array<{ id: string; name: string }>;
  taskCount: number;
  openTaskCount: number;
  topics: Array<{ id: string; title: string }>;
}
export interface MeetingDetail extends Omit<MeetingSummary, 'topics'> {
  topics: Array<{ id: string; title: string; caseIds: string[]; clusterIds: string[]; cases: MaterialCase[] }>;
  decisions: Array<{ id: string; text: string; at: string; tasks: TrackedTask[] }>;
  material: Material;
}
