export interface ResponsibilityRule {
  id: string;
  ruleKey: string;
  version: number;
  name: string;
  topics: string[];
  keywords: string[];
  projects: string[];
  streets: string[];
  leadDepartmentCode: string;
  assistDepartmentCodes: string[];
  basis: string;
  priority: number;
  active: boolean;
  createdAt: string;
  createdBy: string;
  supersededAt?: string | null;
}

export interface DispatchModelInfo {
  trainedAt: string;
  trigger: string;
  documents: number;
  demoDocuments: number;
  bureauDocuments: number;
  vocabulary: number;
  folds: number;
  accuracy: number;
  top3Accuracy: number;
  trainMs: number;
}
