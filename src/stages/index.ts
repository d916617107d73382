/**
 * Relationship stages (exploratory → basic → collaborated → interconnected, with
 * at-risk and dissolving health), computed from observable signals and explained;
 * their history, distribution and transitions; lifecycle stages as a configurable
 * state machine; and the contact policy.
 *
 * @module stages
 */
export { RELATIONSHIP_STAGES, RELATIONSHIP_HEALTH, type RelationshipStage, type RelationshipHealth } from "./relationship-stage.js";
export { RelationshipProfileSchema, type RelationshipProfile } from "./profile.js";
export { RELATIONSHIP_SIGNALS, RELATIONSHIP_SIGNAL_NAMES, signalValue, type RelationshipSignal } from "./signals.js";
export {
  StageConditionSchema,
  StageRequirementSchema,
  StageCriteriaSchema,
  DEFAULT_STAGE_CRITERIA,
  type StageCondition,
  type StageRequirement,
  type StageCriteria,
} from "./criteria.js";
export {
  classifyRelationshipStage,
  relationshipStateOf,
  type ClassifyStageOptions,
  type StageClassification,
  type RequirementResult,
  type ConditionResult,
} from "./classify.js";
export { relationshipStageHistory, type StageHistory, type StageHistoryOptions, type StageTransition } from "./history.js";
export { stageDistribution, stageTransitionMatrix, type StageDistribution, type StageTransitionMatrix } from "./distribution.js";
export {
  LifecycleConfigSchema,
  DEFAULT_LIFECYCLE_CONFIG,
  canTransitionLifecycle,
  transitionLifecycle,
  lifecycleStageAt,
  type LifecycleConfig,
} from "./lifecycle.js";
export {
  ContactPolicySchema,
  canContact,
  type ContactPolicy,
  type ContactPolicyInput,
  type ContactHistoryEntry,
  type ContactBlock,
  type ContactDecision,
} from "./contact-policy.js";
