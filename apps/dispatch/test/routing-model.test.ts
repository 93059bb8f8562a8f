import { describe, expect, it } from 'vitest';
import { calibrationReport, fitTemperature, negativeLogLikelihood } from '../src/suggestions/calibration';
import { demoHistory } from '../src/suggestions/demo-history';
import { trainingSet } from '../src/suggestions/dispatch-model';
import { classWeights, fitLogistic, fitLogisticYielding, logits, softmax } from '../src/suggestions/logistic-regression';
import { crossValidate, seededRandom } from '../src/suggestions/naive-bayes';
import { documentOf, fitVectorizer, vectorize } from '../src/suggestions/text-features';
import {
  buildRoutingModel,
  classify,
  crossValidatedPredictions,
  heldOutMetrics,
  LabelledCase,
  PARAM_GRID,
  trainClassifier,
} from '../src/suggestions/text-classifier';
import { charBigrams, featuresOf } from '../src/suggestions/tokenize';

/** Floors of the new model on the shipped demo history (5-fold CV); the history has ~10 % label noise on purpose. */
const ACCURACY_FLOOR = 0.88;
const TOP3_FLOOR = 0.96;

const history = demoHistory();
const demo: LabelledCase[] = history.map((o) => ({ doc: documentOf(o), label: o.departmentCode, synthetic: true }));
const asBureau = (xs: readonly LabelledCase[]) => xs.map((d) => ({ ...d, synthetic: false }));

describe('features of a case (全文特征)', () => {
  it('read the whole text: a word far beyond the 60-character digest is a feature', () => {
    const content = `${'小区南门外的道路两侧停满车辆，早晚高峰非常拥堵，行人只能走机动车道，'.repeat(3)}最近发现井盖缺失。`;
    expect(Array.from(content).length).toBeGreaterThan(100);
    const d = documentOf({ title: '反映问题', content, topicCode: 'municipal' });
    expect(d.words).toContain('井盖');
    expect(d.bigrams).toContain('井盖');
    expect(d.topicCode).toBe('municipal');
    expect(featuresOf({ title: '反映问题', content, topicCode: 'municipal' })).toEqual(expect.arrayContaining(['井盖', '主题:municipal']));
  });

  it('character bigrams cover Chinese runs only', () => {
    expect(charBigrams('认筹金abc退款')).toEqual(['认筹', '筹金', '退款']);
    expect(charBigrams('123 ok')).toEqual([]);
  });

  it('TF-IDF vectors have unit length, drop unknown terms, and weigh rare terms above common ones', () => {
    const docs = [
      documentOf({ title: '电梯故障', content: '物业不修电梯' }),
      documentOf({ title: '物业收费', content: '物业费上涨' }),
      documentOf({ title: '物业服务', content: '物业态度差' }),
    ];
    const v = fitVectorizer(docs, 1);
    const x = vectorize(v, documentOf({ title: '电梯', content: '物业 陌生词汇' }));
    expect(x.val.reduce((s, a) => s + a * a, 0)).toBeCloseTo(1, 10);
    expect([...x.idx].every((j) => j >= 0 && j < v.terms.length)).toBe(true);
    expect(v.idf[v.index.get('w:电梯')!]).toBeGreaterThan(v.idf[v.index.get('w:物业')!]);
  });
});

describe('multinomial logistic regression (多类逻辑回归)', () => {
  // Two features, three classes: each class owns one region of the plane.
  const points = (n: number, seed: number) => {
    const rnd = seededRandom(seed);
    return Array.from({ length: n }, (_, i) => {
      const y = i % 3;
      const angle = (y * 2 * Math.PI) / 3 + (rnd() - 0.5);
      return { x: { idx: Int32Array.from([0, 1]), val: Float64Array.from([Math.cos(angle), Math.sin(angle)]) }, y };
    });
  };

  it('separates classes it can separate, and is the same model on every run', () => {
    const train = points(300, 1);
    const test = points(90, 2);
    const m = fitLogistic(
      train.map((p) => p.x),
      train.map((p) => p.y),
      3,
      2,
      { lambda: 1e-4 },
    );
    const right = test.filter((p) => {
      const z = logits(m, p.x);
      return z.indexOf(Math.max(...z)) === p.y;
    }).length;
    expect(right / test.length).toBeGreaterThan(0.95);
    const again = fitLogistic(
      train.map((p) => p.x),
      train.map((p) => p.y),
      3,
      2,
      { lambda: 1e-4 },
    );
    expect(Array.from(again.weights)).toEqual(Array.from(m.weights));
  });

  it('the yielding fit (inside the service) pauses after every epoch and gives the very same model', async () => {
    const train = points(120, 3);
    let pauses = 0;
    const m = await fitLogisticYielding(
      train.map((p) => p.x),
      train.map((p) => p.y),
      3,
      2,
      { lambda: 1e-3, epochs: 7 },
      async () => {
        pauses += 1;
      },
    );
    expect(pauses).toBe(7);
    expect(Array.from(m.weights)).toEqual(
      Array.from(
        fitLogistic(
          train.map((p) => p.x),
          train.map((p) => p.y),
          3,
          2,
          { lambda: 1e-3, epochs: 7 },
        ).weights,
      ),
    );
  });

  it('class weights: balanced weighs a small class up, none leaves all at 1, an absent class gets 0', () => {
    expect(Array.from(classWeights([0, 0, 0, 1], 3, 1))).toEqual([4 / 9, 4 / 3, 0]);
    expect(Array.from(classWeights([0, 0, 0, 1], 3, 0))).toEqual([1, 1, 0]);
  });

  it('class weights lift the recall of a small class that overlaps a large one', () => {
    // Class 1 is a tenth of class 0 and overlaps it: unweighted, the model rarely names it.
    const rnd = seededRandom(7);
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const y = i % 11 === 0 ? 1 : 0;
        const a = (y === 1 ? 0.6 : 0) + (rnd() - 0.5) * 1.6;
        return { x: { idx: Int32Array.from([0, 1]), val: Float64Array.from([Math.cos(a), Math.sin(a)]) }, y };
      });
    const train = make(880);
    const test = make(440).filter((p) => p.y === 1);
    const recall = (balance: number) => {
      const m = fitLogistic(
        train.map((p) => p.x),
        train.map((p) => p.y),
        2,
        2,
        { lambda: 1e-4, balance },
      );
      return (
        test.filter((p) => {
          const z = logits(m, p.x);
          return z[1] > z[0];
        }).length / test.length
      );
    };
    expect(recall(1)).toBeGreaterThan(recall(0) + 0.2);
  });

  it('softmax at a temperature keeps the ranking and leaves out excluded classes', () => {
    const p = softmax([2, 1, 0], 1);
    const soft = softmax([2, 1, 0], 3);
    expect(p[0]).toBeGreaterThan(soft[0]);
    expect(soft[0]).toBeGreaterThan(soft[1]);
    expect(softmax([2, 1, 0], 1, new Set([0]))[0]).toBe(0);
    expect(Array.from(softmax([2, 1, 0], 1, new Set([0]))).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});

describe('calibration (置信度校准)', () => {
  // Labels drawn from softmax(z / 2): the honest temperature of these logits is 2.
  const rnd = seededRandom(99);
  const sample = Array.from({ length: 3000 }, () => {
    const z = [rnd() * 8, rnd() * 8, rnd() * 8];
    const p = softmax(z, 2);
    const u = rnd();
    const label = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
    return { logits: z, label };
  });

  it('temperature scaling recovers the temperature that generated the labels', () => {
    const t = fitTemperature(sample);
    expect(t).toBeGreaterThan(1.8);
    expect(t).toBeLessThan(2.2);
    expect(negativeLogLikelihood(sample, t)).toBeLessThan(negativeLogLikelihood(sample, 1));
  });

  it('the reliability report bins top-1 confidences and computes ECE', () => {
    const r = calibrationReport(
      [
        { confidence: 0.95, correct: true },
        { confidence: 0.92, correct: false },
        { confidence: 0.55, correct: true },
        { confidence: 0.52, correct: true },
      ],
      10,
    );
    expect(r.bins[9]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(r.bins[9].confidence).toBeCloseTo(0.935, 10);
    expect(r.bins[5]).toMatchObject({ count: 2, accuracy: 1 });
    expect(r.ece).toBeCloseTo(0.5 * Math.abs(0.5 - 0.935) + 0.5 * Math.abs(1 - 0.535), 10);
  });

  it('over-confident raw scores have a large ECE; at the fitted temperature it is small', () => {
    const judged = (t: number) =>
      sample.map((s) => {
        const p = softmax(s.logits, t);
        const top = p.indexOf(Math.max(...p));
        return { confidence: p[top], correct: top === s.label };
      });
    expect(calibrationReport(judged(1)).ece).toBeGreaterThan(0.1);
    expect(calibrationReport(judged(fitTemperature(sample))).ece).toBeLessThan(0.04);
  });
});

describe('the routing classifier on the demo history', () => {
  it(`5-fold cross-validation: top-1 ≥ ${ACCURACY_FLOOR}, top-3 ≥ ${TOP3_FLOOR}, not worse than naive Bayes on the same folds`, async () => {
    const run = await crossValidatedPredictions(asBureau(demo), PARAM_GRID[1], { scoreSynthetic: false });
    const m = heldOutMetrics(run.labels, run.predictions);
    const nb = crossValidate(
      history.map((o) => ({ tokens: featuresOf(o), label: o.departmentCode })),
      5,
    );
    console.log(
      `[cv] logistic accuracy=${m.accuracy.toFixed(4)} top3=${m.top3Accuracy.toFixed(4)} macroRecall=${m.macroRecall.toFixed(4)}; naive Bayes accuracy=${nb.accuracy.toFixed(4)} top3=${nb.top3Accuracy.toFixed(4)}`,
    );
    expect(m.cases).toBe(480);
    expect(m.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(m.top3Accuracy).toBeGreaterThanOrEqual(TOP3_FLOOR);
    expect(m.accuracy).toBeLessThan(1); // noisy on purpose: a perfect score would mean leakage
    expect(m.accuracy).toBeGreaterThanOrEqual(nb.accuracy - 0.01);
  });

  it('suggests three departments with calibrated confidences and the words that weighed most', () => {
    const c = trainClassifier(demo, PARAM_GRID[1]);
    const p = classify(c, documentOf({ title: '工地晚上施工太吵', content: '小区南边的工地晚上十二点还在打桩施工，吵得睡不着' }));
    expect(p).toHaveLength(3);
    expect(p[0].label).toBe('construction');
    expect(p[0].confidence).toBeGreaterThan(p[1].confidence);
    expect(p[0].words).toEqual(expect.arrayContaining(['工地']));
    expect(p.reduce((s, x) => s + x.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(classify(c, documentOf({ title: '开发商不退认筹金', content: '选房失败后认筹金一直不退' }))[0].label).toBe('sales');
    expect(classify(c, documentOf({ title: '路灯坏了', content: '家门口的路灯坏了一个月' }))[0].label).toBe('municipal');
    expect(classify(c, documentOf({ title: '工地夜间施工噪音', content: '工地夜间施工噪音扰民' }), 3, ['construction']).map((x) => x.label)).not.toContain(
      'construction',
    );
  });
});

describe('honest figures (只按本局真实工单计分)', () => {
  // A bureau whose real history disagrees with the demo history: here 物业 matters go to quality.
  const bureau: LabelledCase[] = demoHistory(60, 4242).map((o) => ({
    doc: documentOf(o),
    label: o.departmentCode === 'property' ? 'quality' : o.departmentCode,
    synthetic: false,
  }));

  it('the demo history is mixed in only while the bureau has fewer cases than the threshold', () => {
    expect(trainingSet(bureau, 200).filter((d) => d.synthetic)).toHaveLength(480);
    expect(trainingSet(bureau, 60).filter((d) => d.synthetic)).toHaveLength(0);
    expect(trainingSet(bureau, 60)).toHaveLength(60);
  });

  it('synthetic cases train the model but are never scored: the figures count the bureau cases only', async () => {
    const { report } = await buildRoutingModel(trainingSet(bureau, 200), { minEvaluated: 20 });
    expect(report).toMatchObject({ bureauCases: 60, syntheticCases: 480, selectedOn: 'bureau' });
    expect(report.metrics?.cases).toBe(60);
    expect(report.metrics?.perDepartment.reduce((s, d) => s + d.cases, 0)).toBe(60);
    expect(report.metrics?.perDepartment.map((d) => d.label)).not.toContain('property'); // no real case of the bureau went there
    const run = await crossValidatedPredictions(trainingSet(bureau, 200), report.params, { scoreSynthetic: false });
    expect(report.metrics?.accuracy).toBe(heldOutMetrics(run.labels, run.predictions).accuracy);
    // Scoring the synthetic cases too would give a different (here: higher) figure — the one the old card showed.
    const mixed = await crossValidatedPredictions(trainingSet(bureau, 200), report.params, { scoreSynthetic: true });
    expect(heldOutMetrics(mixed.labels, mixed.predictions).accuracy).toBeGreaterThan(report.metrics!.accuracy);
    expect(report.calibration?.after.bins.reduce((s, b) => s + b.count, 0)).toBe(60);
  });

  it('a long history is cross-validated on a seeded sample; the card says how many cases were held out', async () => {
    const { report } = await buildRoutingModel(asBureau(demo), { minEvaluated: 20, maxCrossValidated: 200, grid: [PARAM_GRID[1]] });
    expect(report.bureauCases).toBe(480);
    expect(report.metrics?.cases).toBe(200);
  });

  it('with too few bureau cases there are no figures at all, only the training counts', async () => {
    const { report, classifier } = await buildRoutingModel(trainingSet(bureau.slice(0, 10), 200), { minEvaluated: 20 });
    expect(report).toMatchObject({ bureauCases: 10, syntheticCases: 480, selectedOn: 'demo', metrics: null, calibration: null });
    expect(classifier.temperature).toBeGreaterThan(0);
  });
});
