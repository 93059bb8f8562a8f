import type { EntityManager } from '@mikro-orm/postgresql';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { DepartmentProjection } from '../departments/department.entity';
import { demoHistory } from './demo-history';
import { crossValidate, CrossValidation, Labelled, NaiveBayesModel, predict, Prediction, train } from './naive-bayes';
import { CaseFacts, featuresOf } from './tokenize';

export interface ModelInfo extends CrossValidation {
  trainedAt: Date;
  /** Orders from the shipped demo history / from this bureau's completed cases. */
  demoDocuments: number;
  bureauDocuments: number;
  vocabulary: number;
  trainMs: number;
  trigger: string;
}

/**
 * The learned routing suggestion: naive Bayes over the bureau's dispatch history — every case
 * completed by its lead department (the department that really handled it), plus the shipped
 * demo history when SEED_DEMO is on or the bureau has too little history of its own. Held in
 * memory by each replica; retrained on demand and on a schedule.
 */
export class DispatchModel {
  private model?: NaiveBayesModel;
  private current?: ModelInfo;
  private training?: Promise<ModelInfo>;

  constructor(private readonly opts: { useDemoHistory: boolean; minBureauHistory?: number }) {}

  get info(): ModelInfo | undefined {
    return this.current;
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
    const bureau = await bureauHistory(em);
    const useDemo = this.opts.useDemoHistory || bureau.length < (this.opts.minBureauHistory ?? 200);
    const demo: Labelled[] = useDemo ? demoHistory().map((o) => ({ tokens: featuresOf(o), label: o.departmentCode })) : [];
    const docs = [...demo, ...bureau];
    const cv = docs.length >= 10 ? crossValidate(docs, 5) : { folds: 5, documents: docs.length, accuracy: 0, top3Accuracy: 0 };
    this.model = docs.length ? train(docs) : undefined;
    this.current = {
      ...cv, trainedAt: new Date(), demoDocuments: demo.length, bureauDocuments: bureau.length,
      vocabulary: this.model?.vocabulary.size ?? 0, trainMs: Math.round(performance.now() - t0), trigger,
    };
    return this.current;
  }

  /** Top departments (by code) for a case, leaving out those that returned it. */
  suggest(facts: CaseFacts, excludedCodes: readonly string[] = [], k = 3): Prediction[] {
    return this.model ? predict(this.model, featuresOf(facts), k, excludedCodes) : [];
  }
}

/** This bureau's own history: completed cases, labelled with the code of their lead department. */
async function bureauHistory(em: EntityManager, limit = 50_000): Promise<Labelled[]> {
  const fork = em.fork();
  const departments = new Map((await fork.find(DepartmentProjection, {})).map((d) => [d.id, d.code]));
  const done = await fork.find(DispatchCase, { stage: 'completed', leadDepartmentId: { $ne: null } }, { orderBy: { completedAt: 'desc' }, limit });
  return done
    .filter((c) => departments.has(c.leadDepartmentId!))
    .map((c) => ({ tokens: featuresOf({ title: c.title, content: c.contentDigest, topic: c.topic }), label: departments.get(c.leadDepartmentId!)! }));
}
