import { describe, expect, it } from "vitest";
import { fitLeadScoringModel, fitLogisticRegression, rocAuc, type LeadFeature } from "../../src/conversion/index.js";
import { seededRandom } from "../../src/math/seeded-random.js";
import { expectCrmkitError } from "../support/conversion-fixtures.js";
import { MTCARS } from "../support/mtcars.js";

interface Car {
  wt: number;
  disp: number;
  vs: number;
}
const cars: Car[] = MTCARS.wt.map((wt, i) => ({ wt, disp: MTCARS.disp[i]!, vs: MTCARS.vs[i]! }));
const carFeatures: LeadFeature<Car>[] = [
  { name: "wt", value: (c) => c.wt },
  { name: "disp", value: (c) => c.disp },
];

interface SimLead {
  status: "converted" | "nurturing";
  visits: number;
  referral: number;
  employees: number;
}

function simulate(n: number, seed: number): SimLead[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const visits = Math.floor(random() * 10);
    const referral = random() < 0.25 ? 1 : 0;
    const employees = Math.log10(10 + random() * 990);
    const eta = -3 + 0.25 * visits + 1.0 * referral + 0.5 * employees;
    return { status: random() < 1 / (1 + Math.exp(-eta)) ? "converted" : "nurturing", visits, referral, employees };
  });
}
const leadFeatures: LeadFeature<SimLead>[] = [
  { name: "visits", value: (l) => l.visits },
  { name: "referral", value: (l) => l.referral },
  { name: "log10_employees", value: (l) => l.employees },
];

describe("fitLeadScoringModel", () => {
  it("on records: R's published glm(vs ~ wt + disp) table — estimates, z values, p-values, odds ratios", () => {
    const m = fitLeadScoringModel(cars, carFeatures, { outcome: (c) => c.vs === 1, holdout: 0 });
    // Published: z 0.660, 1.091, -2.241; Pr(>|z|) 0.510, 0.275, 0.025.
    expect(m.coefficients.map((c) => c.name)).toEqual(["(intercept)", "wt", "disp"]);
    expect(m.coefficients.map((c) => Number(c.z.toFixed(3)))).toEqual([0.66, 1.091, -2.241]);
    expect(m.coefficients.map((c) => Number(c.pValue.toFixed(3)))).toEqual([0.51, 0.275, 0.025]);
    m.coefficients.forEach((c) => expect(c.oddsRatio).toBeCloseTo(Math.exp(c.estimate), 12));
    expect(m.coefficients[2]!.oddsRatioHigh).toBeLessThan(1); // displacement lowers the odds, significantly
    expect(m.holdout).toBeNull();
    expect(m.training.records).toBe(32);
  });

  it("predict and the linear predictor agree with the coefficients", () => {
    const m = fitLeadScoringModel(cars, carFeatures, { outcome: (c) => c.vs === 1, holdout: 0 });
    const car = { wt: 2.1, disp: 180, vs: 0 };
    const eta = m.coefficients[0]!.estimate + m.coefficients[1]!.estimate * 2.1 + m.coefficients[2]!.estimate * 180;
    expect(m.linearPredictor(car)).toBeCloseTo(eta, 12);
    expect(m.predict(car)).toBeCloseTo(1 / (1 + Math.exp(-eta)), 12);
    // The training AUC is the AUC of the model's own predictions.
    expect(m.training.auc).toBeCloseTo(rocAuc(cars.map((c) => m.predict(c)), cars.map((c) => c.vs)), 12);
  });

  it("recovers simulated lead-scoring coefficients (known truth) and scores a stratified, seeded hold-out", () => {
    const leads = simulate(30_000, 42);
    const m = fitLeadScoringModel(leads, leadFeatures, { holdout: 0.2, seed: 7 });
    [-3, 0.25, 1.0, 0.5].forEach((truth, j) => expect(Math.abs(m.coefficients[j]!.estimate - truth)).toBeLessThan(3 * m.coefficients[j]!.standardError));
    const positives = leads.filter((l) => l.status === "converted").length;
    expect(m.holdout!.positives).toBe(Math.round(0.2 * positives));
    expect(m.holdout!.records).toBe(Math.round(0.2 * positives) + Math.round(0.2 * (leads.length - positives)));
    expect(m.training.records + m.holdout!.records).toBe(leads.length);
    expect(m.holdout!.auc).toBeGreaterThan(0.6);
    expect(Math.abs(m.holdout!.auc - m.training.auc)).toBeLessThan(0.03);
    // Same seed, same split, same model.
    const again = fitLeadScoringModel(leads, leadFeatures, { holdout: 0.2, seed: 7 });
    expect(again.coefficients[1]!.estimate).toBe(m.coefficients[1]!.estimate);
    expect(again.holdout!.auc).toBe(m.holdout!.auc);
  });

  it("is the logistic regression of the training rows (holdout 0 = fit on all)", () => {
    const leads = simulate(2_000, 3);
    const m = fitLeadScoringModel(leads, leadFeatures, { holdout: 0, ridge: 0.5 });
    const x = new Float64Array(leads.flatMap((l) => [l.visits, l.referral, l.employees]));
    const fit = fitLogisticRegression({ x, y: leads.map((l) => (l.status === "converted" ? 1 : 0)), rows: leads.length, columns: 3 }, { ridge: 0.5 });
    m.coefficients.forEach((c, j) => expect(c.estimate).toBeCloseTo(fit.coefficients[j]!, 12));
  });

  it("collapses duplicate rows into weights when most rows repeat: the same fit", () => {
    const leads = simulate(20_000, 9).map((l) => ({ ...l, employees: Math.round(l.employees) }));
    const features = leadFeatures;
    const collapsed = fitLeadScoringModel(leads, features, { holdout: 0.2, seed: 3 });
    const plain = fitLeadScoringModel(leads, features, { holdout: 0.2, seed: 3, collapseDuplicates: false });
    expect(collapsed.distinctRows).not.toBeNull();
    expect(collapsed.distinctRows!).toBeLessThanOrEqual(10 * 2 * 4 * 2); // visits × referral × employees × outcome
    expect(plain.distinctRows).toBeNull();
    collapsed.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(plain.coefficients[j]!.estimate, 10);
      expect(c.standardError).toBeCloseTo(plain.coefficients[j]!.standardError, 10);
    });
    expect(collapsed.deviance).toBeCloseTo(plain.deviance, 6);
    expect(collapsed.holdout!.auc).toBe(plain.holdout!.auc);
    // Mostly distinct rows are fitted as they are.
    expect(fitLeadScoringModel(simulate(2_000, 4), features, { holdout: 0 }).distinctRows).toBeNull();
  });

  it("accepts an async iterable", async () => {
    async function* stream() {
      yield* cars;
    }
    const m = await fitLeadScoringModel(stream(), carFeatures, { outcome: (c) => c.vs === 1, holdout: 0 });
    expect(m.coefficients[2]!.estimate).toBeCloseTo(-0.03443, 5);
  });

  describe("clear errors", () => {
    it("perfect separation without ridge", () => {
      const sep = Array.from({ length: 20 }, (_, i) => ({ status: i < 10 ? "nurturing" : "converted", x: i }));
      expectCrmkitError(() => fitLeadScoringModel(sep, [{ name: "x", value: (r) => r.x }], { holdout: 0 }), "INSUFFICIENT_DATA", /separation/);
    });
    it("too few outcomes, a constant feature, a hold-out without both outcomes", () => {
      const few = simulate(200, 1).map((l, i) => ({ ...l, status: i < 2 ? ("converted" as const) : ("nurturing" as const) }));
      expectCrmkitError(() => fitLeadScoringModel(few, leadFeatures, { holdout: 0 }), "INSUFFICIENT_DATA", /too few outcomes/);
      expectCrmkitError(() => fitLeadScoringModel(simulate(300, 2), [...leadFeatures, { name: "one", value: () => 1 }], { holdout: 0 }), "INSUFFICIENT_DATA", /"one" is constant/);
      const rare = simulate(300, 5).map((l, i) => ({ ...l, status: i % 60 === 0 ? ("converted" as const) : ("nurturing" as const) }));
      expectCrmkitError(() => fitLeadScoringModel(rare, [leadFeatures[0]!], { holdout: 0.05, ridge: 1 }), "INSUFFICIENT_DATA", /held-out records have only one outcome/);
    });
    it("bad features and options", () => {
      expectCrmkitError(() => fitLeadScoringModel(cars, [], { outcome: (c) => c.vs === 1 }), "INVALID_INPUT", /features/);
      expectCrmkitError(() => fitLeadScoringModel(cars, [carFeatures[0]!, carFeatures[0]!], { outcome: (c) => c.vs === 1 }), "INVALID_INPUT", /unique/);
      expectCrmkitError(() => fitLeadScoringModel(cars, [{ name: "bad", value: () => Number.NaN }], { outcome: (c) => c.vs === 1 }), "INVALID_INPUT", /history\[0\] feature "bad"/);
      expectCrmkitError(() => fitLeadScoringModel(cars, carFeatures), "INVALID_INPUT", /outcome/);
      expectCrmkitError(() => fitLeadScoringModel(cars, carFeatures, { outcome: (c) => c.vs === 1, holdout: 1 }), "INVALID_INPUT", /holdout/);
      expectCrmkitError(() => fitLeadScoringModel([], carFeatures, { outcome: (c) => c.vs === 1 }), "INSUFFICIENT_DATA", /no records/);
      const m = fitLeadScoringModel(cars, carFeatures, { outcome: (c) => c.vs === 1, holdout: 0 });
      expectCrmkitError(() => m.predict({ wt: Number.NaN, disp: 1, vs: 0 }), "INVALID_INPUT", /feature "wt"/);
    });
  });
});
