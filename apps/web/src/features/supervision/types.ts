export interface CaseClock {
  id: string;
  kind: string;
  kindLabel: string;
  state: string;
  definitionKey: string;
  definitionVersion: number;
  measure: string;
  targetMinutes: number | null;
  startedAt: string;
  dueAt: string | null;
  pausedAt: string | null;
  pausedMinutes: number;
  shareUsed: number | null;
  warnedAt: string | null;
  warnedShare: number | null;
  breachedAt: string | null;
  stoppedAt: string | null;
  outcome: string | null;
  blockedReason: string | null;
  department: { id: string; name: string } | null;
}

export interface QueueItem {
  externalNo: string;
  title: string;
  urgeCount: number;
  case: { id: string };
  clock: CaseClock;
}

export interface UrgeRecord {
  id: string;
  level: string;
  levelLabel: string;
  recipients: string[];
  clockKind: string | null;
  note: string | null;
  at: string;
  department: { id: string; name: string } | null;
  by: { id: string; displayName: string } | null;
}
