/**
 * The ports: the repository interfaces a host implements (or takes from the
 * in-memory default), their query and page types, the reference query semantics,
 * and helpers that keep an adapter small.
 *
 * @module repository
 */
export type { Stored, EntityInput } from "./stored.js";
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type TimeRange,
  type ListQuery,
  type StreamQuery,
  type Page,
  type FilterMap,
  type OrderFieldMap,
  type CustomerFilter,
  type AccountFilter,
  type LeadFilter,
  type PipelineFilter,
  type DealFilter,
  type InteractionFilter,
  type TicketFilter,
  type TransactionFilter,
  type SubscriptionFilter,
  type SurveyResponseFilter,
  type CampaignFilter,
  type CampaignMemberFilter,
} from "./query.js";
export {
  QUERY_SPECS,
  parseListQuery,
  matchesFilter,
  sortKeyOf,
  compareSortKeys,
  compareCodePoints,
  type CollectionQuerySpec,
  type Accessor,
  type TimeAccessor,
  type NormalizedQuery,
} from "./query-spec.js";
export { encodeCursor, decodeCursor, type CursorPayload } from "./cursor.js";
export type { Repository, RepositoryCore, TransactionRepository, WriteOptions } from "./repository.js";
export { FULL_CAPABILITIES, type StoreCapabilities } from "./capabilities.js";
export type { CrmStore, CrmStoreProvider } from "./store.js";
export { notFound, versionConflict, adapterFailure, withAdapterErrors } from "./store-errors.js";
export { validateEntity, validateId, validateWriteOptions, prepareWrite } from "./validate.js";
export { completeRepository } from "./complete-repository.js";
export { createMemoryStore, type MemoryStoreProvider } from "./memory/memory-store.js";
