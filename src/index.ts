/**
 * crmkit — customer-relationship analytics for TypeScript.
 *
 * The root re-exports every module; import a subpath (`crmkit/clv`, `crmkit/nps`, …)
 * to load only what you use.
 *
 * @module crmkit
 */
export * from "./errors/index.js";
export * from "./model/index.js";
export * from "./repository/index.js";
export * from "./math/index.js";
export * from "./time/index.js";
export * from "./clv/index.js";
export * from "./retention/index.js";
export * from "./nps/index.js";
export * from "./segmentation/index.js";
export * from "./conversion/index.js";
export * from "./stages/index.js";
export * from "./app/index.js";
export * from "./testing/index.js";
