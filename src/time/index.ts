/**
 * The one UTC calendar that every crmkit module buckets time with: period indices
 * (days, ISO weeks, months, quarters, years since 1970), their start instants,
 * labels and arithmetic, exact for every year a `Date` can hold.
 *
 * @module crmkit/time
 */
export {
  CALENDAR_PERIODS,
  addPeriods,
  periodIndex,
  periodLabel,
  periodLabelAt,
  periodStart,
  type CalendarPeriod,
} from "./calendar-period.js";
