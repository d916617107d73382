/**
 * Tools for testing with crmkit: the adapter conformance kit.
 *
 * @module testing
 */
export {
  describeCrmStoreConformance,
  type CrmStoreConformanceOptions,
  type ConformanceDescribeFunction,
  type ConformanceTestFunction,
  type ConformanceTestBody,
} from "./conformance.js";
