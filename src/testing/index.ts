/**
 * Tools for testing with crmkit: the adapter conformance kit, and the seeded
 * synthetic data generator (realistic CRM datasets, and transaction logs of millions of
 * customers as typed-array streams) with the seeded random numbers and samplers it is
 * built on.
 *
 * @module testing
 */

// --- adapter conformance kit ---
export {
  describeCrmStoreConformance,
  type CrmStoreConformanceOptions,
  type ConformanceDescribeFunction,
  type ConformanceTestFunction,
  type ConformanceTestBody,
} from "./conformance.js";

// --- synthetic data generator (gen) ---
export { createRandom, type Random } from "./random/random.js";
export { sampleExponential } from "./random/sample-exponential.js";
export { sampleNormal } from "./random/sample-normal.js";
export { sampleGamma } from "./random/sample-gamma.js";
export { sampleBeta } from "./random/sample-beta.js";
export { samplePoisson } from "./random/sample-poisson.js";
export { categoricalSampler, sampleCategorical } from "./random/sample-categorical.js";
export {
  DEFAULT_PURCHASE_PROCESS,
  DEFAULT_SPEND_MODEL,
  DEFAULT_SUBSCRIPTION_CHURN,
  type BgNbdProcess,
  type ParetoNbdProcess,
  type PurchaseProcess,
  type SpendModel,
  type SubscriptionChurn,
  type GenerateTransactionsOptions,
  type GenerateDatasetOptions,
} from "./generator/options.js";
export { generatedCustomerId } from "./generator/ids.js";
export { GENERATED_PIPELINES } from "./generator/pipelines.js";
export {
  generateTransactionBatches,
  generateTransactions,
  type TransactionBatch,
  type TransactionBatchOptions,
} from "./generator/generate-transactions.js";
export { generateDataset, type Dataset, type DatasetCollections, type LatentCustomerTraits } from "./generator/generate-dataset.js";
export { seedStore, SEED_ORDER, type SeedStoreOptions } from "./generator/seed-store.js";
// --- end of generator ---
