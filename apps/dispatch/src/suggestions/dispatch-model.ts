import type { EntityManager } from '@mikro-orm/postgresql';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { DepartmentProjection } from '../departments/department.entity';
import { CaseTextSource, routingTexts } from './case-texts';
import { demoHistory } from './demo-history';
import { documentOf } from './text-features';
import { buildRoutingModel, ClassifiedLabel, classify, LabelledCase, RoutingModelReport, TextClassifier } from './text-classifier';
import type { CaseFacts } from './tokenize';

export interface ModelInfo extends RoutingModelReport {
  trainedAt: Date;
  trigger: string;
  trainMs: number;
  /** The bureau's cases trained on their whole text / only on the event digest (intake unreachable). */
  fullTextCases: number;
  digestOnlyCases: number;
  /** The demo history is mixed in while the bureau has fewer completed cases than this. */
  minBureauCases: number;
  /** Figures are reported once this many bureau cases can be held out. */
  minEvaluatedCases: number;
  /** The calibration temperature the served model uses (fitted on held-out folds). */
  temperature: number;
}

export interface DispatchModelOptions {
  minBureauCases: number;
  minEvaluatedCases: number;
  /** intake's whole case texts; null → digests only. */
  texts: CaseTextSource | null;
}

/** Lets the event loop breathe between cross-validation folds: training runs inside the service. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The learned routing suggestion (分转建议模型): a calibrated linear classifier over the whole
 * text of the bureau's completed cases, each labelled with its lead department (the department
 * that really handled it). The shipped demo history is mixed in only while the bureau has fewer
 * than `minBureauCases` of its own, and is never scored. Held in memory by each replica;
 * retrained at start, on a schedule and on demand.
 */
export class DispatchModel {
  private classifier?: TextClassifier;
  private current?: ModelInfo;
  private training?: Promise<ModelInfo>;

  constructor(private readonly opts: DispatchModelOptions) {}

  get info(): ModelInfo | undefined {
    return this.current;
  }

  get texts(): CaseTextSource | null {
    return this.opts.texts;
  }

  /** Retrains from the history; concurrent calls share one training run. */
  retrain(em: EntityManager, trigger: string): Promise<ModelInfo> {
    this.training ??= this.doTrain(em, trigger).finally(() => {
      this.training = undefined;
    });
    return this.training;
  }

  private async doTrain(em: EntityManager, trigger: string): Promise<ModelInfo> {
    const t0 = performance.now();
    const bureau = await bureauHistory(em.fork(), this.opts.texts);
    const docs = trainingSet(bureau.cases, this.opts.minBureauCases);
    const { classifier, report } = await buildRoutingModel(docs, { minEvaluated: this.opts.minEvaluatedCases, pause });
    this.classifier = classifier;
    this.current = {
      ...report,
      trainedAt: new Date(),
      trigger,
      trainMs: Math.round(performance.now() - t0),
      fullTextCases: bureau.fullText,
      digestOnlyCases: bureau.cases.length - bureau.fullText,
      minBureauCases: this.opts.minBureauCases,
      minEvaluatedCases: this.opts.minEvaluatedCases,
      temperature: classifier.temperature,
    };
    return this.current;
  }

  /** Top departments (by code) for a case, leaving out those that returned it. */
  suggest(facts: CaseFacts, excludedCodes: readonly string[] = [], k = 3): ClassifiedLabel[] {
    return this.classifier ? classify(this.classifier, documentOf(facts), k, excludedCodes) : [];
  }
}

/**
 * What the model trains on: the bureau's completed cases, plus the synthetic demo history
 * (marked as such, never scored) only while the bureau has fewer than `minBureauCases` —
 * whatever SEED_DEMO says.
 */
export function trainingSet(bureau: readonly LabelledCase[], minBureauCases: number): LabelledCase[] {
  if (bureau.length >= minBureauCases) return [...bureau];
  return [...demoHistory().map((o) => ({ doc: documentOf(o), label: o.departmentCode, synthetic: true })), ...bureau];
}

/**
 * This bureau's own history: completed cases with their whole text, labelled with the code of
 * their lead department.
 */
async function bureauHistory(em: EntityManager, texts: CaseTextSource | null, limit = 50_000): Promise<{ cases: LabelledCase[]; fullText: number }> {
  const departments = new Map((await em.find(DepartmentProjection, {})).map((d) => [d.id, d.code]));
  const done = (await em.find(DispatchCase, { stage: 'completed', leadDepartmentId: { $ne: null } }, { orderBy: { completedAt: 'desc' }, limit })).filter((c) =>
    departments.has(c.leadDepartmentId!),
  );
  const text = await routingTexts(em, texts, done);
  let fullText = 0;
  const cases: LabelledCase[] = [];
  for (const c of done) {
    const t = text.get(c.id)!;
    if (t.full) fullText += 1;
    cases.push({ doc: documentOf(t), label: departments.get(c.leadDepartmentId!)!, synthetic: false });
    if (cases.length % 500 === 0) await pause(); // segmentation of a year's cases takes seconds
  }
  return { cases, fullText };
}
