export interface ClusterItem {
  id: string;
  kind: 'burst' | 'group';
  kindLabel: string;
  topic: string;
  place: string;
  projectName?: string | null;
  community?: string | null;
  caseCount: number;
  callerCount: number;
  firstCaseAt: string;
  lastCaseAt: string;
  detectedAt: string;
}

export interface ClusterCase {
  id: string;
  externalNo: string;
  title: string;
  stage: string;
  receivedAt: string;
}

export interface ClusterThresholds {
  burstMinCases: number;
  burstWindowHours: number;
  groupMinCallers: number;
  groupWindowHours: number;
  updatedAt?: string | null;
  updatedBy?: string | null;
}

export interface KeyPersonItem {
  id: string;
  phoneMasked: string;
  reason: string;
  active: boolean;
  flaggedAt: string;
  unflaggedAt?: string | null;
  history: Array<{ action: 'flag' | 'unflag'; reason: string; at: string; by: { id: string; displayName?: string | null } }>;
}
