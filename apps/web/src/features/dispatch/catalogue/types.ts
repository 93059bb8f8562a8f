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
  fullTextDocuments: number;
  digestOnlyDocuments: number;
  minBureauDocuments: number;
  minEvaluatedDocuments: number;
  method: string;
  selectedOn: string;
  vocabulary: number;
  folds: number;
  evaluatedDocuments: number;
  /** Null until the bureau has enough completed cases of its own to measure on. */
  accuracy: number | null;
  top3Accuracy: number | null;
  perDepartment: Array<{ departmentCode: string; cases: number; recall: number }>;
  calibration: {
    temperature: number;
    fittedOn: string;
    eceBefore: number;
    ece: number;
    bins: Array<{ from: number; to: number; count: number; confidence: number; accuracy: number }>;
  } | null;
  trainMs: number;
}
