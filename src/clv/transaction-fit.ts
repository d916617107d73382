import { readCustomers, reconcileUnit, type CustomersInput } from "./customer-data.js";
import { prepareFitData, prepareFitDataLoose, type FitData, type FitDataOptions } from "./fit-data.js";
import { fitMaximumLikelihood, logLikelihoodAt, startingPoints, type FitReport, type LogObjective, type MleOptions } from "./maximum-likelihood.js";
import type { TimeUnit } from "./time-unit.js";

/** What {@link fitTransactionModel} needs of a model with (x, t_x, T) data (internal). */
export interface TransactionModelSpec<N extends string> {
  /** The fit function's name, for messages (`"fitBgNbd"`…). */
  readonly model: string;
  /** Parameter names in their conventional order. */
  readonly names: readonly N[];
  /** The negative log-likelihood on log-parameters over collapsed data. */
  readonly objective: (d: FitData) => LogObjective;
  /** Default starting points (natural scale) given the largest age T. */
  readonly starts: (maxT: number) => readonly (readonly number[])[];
  /** Iteration limit when the options give none (else the optimiser's default). */
  readonly maxIterations?: number;
}

/**
 * Fits an (x, t_x, T) model by maximum likelihood: validates, weights and
 * collapses the data, tries the user's then the model's starting points
 * (internal).
 */
export function fitTransactionModel<N extends string>(
  spec: TransactionModelSpec<N>,
  data: CustomersInput,
  options: FitDataOptions & MleOptions,
): { params: Record<N, number>; report: FitReport<N>; unit: TimeUnit | undefined } {
  const d = prepareFitData(spec.model, data, options);
  const { params, report } = fitMaximumLikelihood({
    model: spec.model,
    names: spec.names,
    objective: spec.objective(d),
    starts: startingPoints(spec.names, options, spec.starts(d.maxT)),
    customers: d.customers,
    rows: d.rows,
    maxIterations: options.maxIterations ?? spec.maxIterations,
  });
  return { params, report, unit: d.unit };
}

/**
 * The log-likelihood of other (x, t_x, T) data under an (x, t_x, T) model with
 * the given parameters and unit (internal).
 */
export function transactionLogLikelihood<N extends string>(
  objective: (d: FitData) => LogObjective,
  names: readonly N[],
  params: Readonly<Record<N, number>>,
  modelUnit: TimeUnit | undefined,
  customers: CustomersInput,
): number {
  const c = readCustomers(customers, { field: "customers" });
  reconcileUnit("customers", c.unit, modelUnit);
  return logLikelihoodAt(objective(prepareFitDataLoose(c.x, c.tx, c.T, c.w)), names, params);
}

/**
 * Starting points (r, α, a, b) shared by BG/NBD and MBG/NBD: lifetimes scales time so
 * that the largest T is 10, so α starts at that scale.
 */
export function betaGeometricStarts(maxT: number): number[][] {
  const k = maxT / 10;
  return [
    [1, k, 1, 1],
    [0.5, 2 * k, 0.5, 2],
    [0.2, k / 2, 2, 5],
  ];
}
