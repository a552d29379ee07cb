import { DomainException, ErrorCode } from './error-codes.js';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.js';
import { isUuid } from './uuid.js';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '00000000-0000-0000-0000-000000000000';

describe('keyset cursors', () => {
  it('reads back what it encodes, microseconds included, at the edges of the years 0001-9999', () => {
    for (const at of ['2026-01-05T10:00:00.123456Z', '0001-01-01T00:00:00.000000Z', '9999-12-31T23:59:59.999999Z', '2024-02-29T23:59:59.000001Z']) {
      expect(decodeKeysetCursor(encodeKeysetCursor(at, ID), isUuid)).toEqual({ at, id: ID });
    }
  });

  it('refuses, as VALIDATION_FAILED, any time Postgres could not take or the service would not render', () => {
    const refused = [
      raw(['+275760-09-13T00:00:00Z', ID]), // past Postgres' range as text (22008, 22009)
      raw(['-005000-01-01T00:00:00.000000Z', ID]),
      raw(['0000-01-01T00:00:00.000000Z', ID]), // year 0: a JS Date takes it
      raw(['2026-02-30T10:00:00.000000Z', ID]), // a JS Date rolls it over to March
      raw(['2026-01-05T24:00:00.000000Z', ID]),
      raw(['2026-01-05T10:00:00.123456+14:00', ID]),
      raw(['2026-01-05T10:00:00Z', ID]),
      raw(['2026-01-05T10:00:00.123456Z', 'not-a-uuid']),
      raw(['2026-01-05T10:00:00.123456Z', 1]),
      raw({ at: '2026-01-05T10:00:00.123456Z', id: ID }),
      raw(['2026-01-05T10:00:00.123456Z']),
      'garbage',
    ];
    for (const cursor of refused) {
      let thrown: unknown;
      try {
        decodeKeysetCursor(cursor, isUuid);
      } catch (e) {
        thrown = e;
      }
      expect({ cursor, thrown }).toEqual({ cursor, thrown: new DomainException(ErrorCode.VALIDATION_FAILED, 'cursor is malformed') });
    }
  });
});
