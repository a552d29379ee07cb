import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, MaxDate, MinDate } from 'class-validator';

/**
 * The instants the API takes: years 0001 to 9999, ISO 8601's four-digit years. A JS Date reaches far
 * past what Postgres stores (4713 BC to 294276 AD), and such a value fails the statement (22008) as a
 * server error; within these years it never does, and everything the service itself writes is in them.
 */
export const MIN_STORABLE_DATE = new Date('0001-01-01T00:00:00.000Z');
export const MAX_STORABLE_DATE = new Date('9999-12-31T23:59:59.999Z');

const RANGE_MESSAGE = '$property must be an instant in the years 0001 to 9999';

/** A valid Date in the years 0001 to 9999. */
export const isStorableDate = (value: Date): boolean => value.getTime() >= MIN_STORABLE_DATE.getTime() && value.getTime() <= MAX_STORABLE_DATE.getTime();

/** A field read as an ISO 8601 instant in the years 0001 to 9999 (a query string or JSON text becomes a Date). */
export const IsStorableDate = () =>
  applyDecorators(Type(() => Date), IsDate(), MinDate(MIN_STORABLE_DATE, { message: RANGE_MESSAGE }), MaxDate(MAX_STORABLE_DATE, { message: RANGE_MESSAGE }));
