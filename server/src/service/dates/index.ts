/** Chinese date and time recognition, resolution, publication-time finding and description. */
export { recognizeDates } from './recognize';
export { findPublication } from './publication';
export { describeDate, lunarDateName } from './describe';
export type { DateDescription, DateGranularity } from './describe';
export { formatDateValue, parseDateValue } from './value';
export type { DateValue, DayValue } from './value';
