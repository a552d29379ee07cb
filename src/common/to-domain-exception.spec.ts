import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainException, ErrorCode } from './error-codes.js';
import { nativeStatus } from './native-error.dialect.js';
import { toDomainException } from './to-domain-exception.js';

describe('toDomainException', () => {
  it('keeps domain exceptions as they are', () => {
    const e = new DomainException(ErrorCode.CONFLICT, 'taken');
    expect(toDomainException(e)).toBe(e);
  });

  it('maps framework and client errors to 4xx codes', () => {
    expect(toDomainException(new NotFoundException()).code).toBe(ErrorCode.ROUTE_NOT_FOUND);
    expect(toDomainException(new BadRequestException('x')).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(toDomainException(new PayloadTooLargeException()).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    expect(toDomainException(Object.assign(new Error('bad json'), { statusCode: 400 })).code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('says what was wrong with the URL for the router\'s own errors, without echoing it', () => {
    const badUrl = toDomainException(Object.assign(new Error("'/v1/users/%E0%A4%A' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' }));
    expect({ code: badUrl.code, message: badUrl.message }).toEqual({ code: ErrorCode.VALIDATION_FAILED, message: 'The URL is malformed (invalid percent-encoding)' });
    const longParam = toDomainException(Object.assign(new Error('exceeding the max param length'), { statusCode: 414, code: 'FST_ERR_MAX_PARAM_LENGTH' }));
    expect({ code: longParam.code, message: longParam.message, status: nativeStatus(longParam.code) }).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      message: 'A path segment is too long',
      status: 400,
    });
  });

  it('turns unique violations into CONFLICT and malformed values into VALIDATION_FAILED, never 500', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' }));
    const malformed = new QueryFailedError('SELECT', [], Object.assign(new Error('bad uuid'), { code: '22P02' }));
    expect(toDomainException(unique).code).toBe(ErrorCode.CONFLICT);
    expect(toDomainException(malformed).code).toBe(ErrorCode.VALIDATION_FAILED);
    for (const code of ['22021', '22P05']) {
      const nul = new QueryFailedError('INSERT', [], Object.assign(new Error('a NUL'), { code }));
      expect(toDomainException(nul).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    // A date past Postgres' range: datetime_field_overflow, invalid_time_zone_displacement_value.
    for (const code of ['22008', '22009']) {
      const date = new QueryFailedError('SELECT', [], Object.assign(new Error('timestamp out of range'), { code }));
      expect(toDomainException(date)).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, message: 'A value is malformed or out of range' });
    }
    // program_limit_exceeded: a value too large for its index row (a 2.7 KB push token was one).
    const tooLarge = new QueryFailedError('INSERT', [], Object.assign(new Error('index row size 4032 exceeds btree version 4 maximum 2704'), { code: '54000' }));
    expect(toDomainException(tooLarge)).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, message: 'A value is too large to store' });
    expect(nativeStatus(toDomainException(tooLarge).code)).toBe(400);
    // A deadlock or serialization failure: nothing was written, the client may retry (503, not 500).
    for (const code of ['40P01', '40001']) {
      expect(toDomainException(new QueryFailedError('UPDATE', [], Object.assign(new Error('deadlock detected'), { code }))).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    }
  });

  it('reports a lost database as SERVICE_UNAVAILABLE (503) and anything else as INTERNAL without detail', () => {
    expect(toDomainException(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    const internal = toDomainException(new TypeError('boom at secret place'));
    expect(internal.code).toBe(ErrorCode.INTERNAL);
    expect(internal.message).toBe('Internal error');
    expect(nativeStatus(ErrorCode.SERVICE_UNAVAILABLE)).toBe(503);
    expect(nativeStatus(ErrorCode.INVALID_CREDENTIALS)).toBe(401);
  });
});
