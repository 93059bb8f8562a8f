export interface CallbackTask {
  id: string;
  externalNo: string;
  topic: string;
  round: number;
  status: string;
  dueAt: string;
  completedAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  heldByMe: boolean;
  assignee: { id: string; displayName: string } | null;
  department: { id: string; name: string } | null;
  attemptLog: Array<{
    attempt: number;
    outcome: string;
    note: string | null;
    at: string;
    nextAttemptAt: string | null;
    by: { id: string; displayName: string } | null;
  }>;
  result: { round: number; reached: boolean; resolved: boolean | null; satisfaction: string | null; notes: string | null; recordedAt: string } | null;
  official: { round: number; reached: boolean; resolved: boolean | null; satisfaction: string | null; calledAt: string | null } | null;
  case: { id: string; title?: string | null; citizenName?: string | null; citizenPhone?: string | null };
}

export interface SecondSupervision {
  id: string;
  externalNo?: string;
  round: number;
  status: string;
  outcome: string | null;
  trigger: string;
  reason: string;
  dueAt: string;
  openedAt: string;
  closedAt: string | null;
  department?: { id: string; name: string } | null;
  case?: { id: string; title?: string | null };
  openedBy?: { id: string; displayName: string } | null;
}
