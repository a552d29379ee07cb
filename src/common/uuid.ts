const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its hyphenated text form, any version or case: an id Postgres' uuid type can hold. */
export const isUuid = (value: string): boolean => UUID.test(value);
