import { ArgumentMetadata, Type } from '@nestjs/common';
import { Exclude } from 'class-transformer';
import { getMetadataStorage, IsString, Length, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DomainException, ErrorCode } from './error-codes.js';
import { createFullValidationPipe, FastValidationPipe, unstorableString } from './validation.pipe.js';

/**
 * The fast path must never accept what the full pipe (class-transformer + class-validator) refuses,
 * and must build the same instance when it accepts. Checked on every class with validation rules
 * in the service, against many generated bodies.
 */

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every exported class with class-validator rules in the request DTOs (the `dto` folders), found by
 * scanning the sources so that new DTOs are covered. Only DTO modules are loaded: entry points such as
 * the CLI would run when imported.
 */
function validatedClasses(): Map<string, Type<unknown>> {
  const storage = getMetadataStorage();
  const classes = new Map<string, Type<unknown>>();
  const dtoFiles = sourceFiles(SRC).filter((f) => f.includes(`${sep}dto${sep}`) && readFileSync(f, 'utf8').includes("from 'class-validator'"));
  for (const file of dtoFiles) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || !value.prototype) continue;
      if (storage.getTargetValidationMetadatas(value, undefined as unknown as string, false, false, undefined).length === 0) continue;
      classes.set(`${relative(SRC, file)}#${name}`, value as Type<unknown>);
    }
  }
  return classes;
}

/** Values worth trying, plus every value a rule of the class names (IsIn lists, enums). */
function valuePool(cls: Type<unknown>): unknown[] {
  const pool: unknown[] = [
    '', ' ', 'a', 'x'.repeat(64), 'x'.repeat(513), 'x'.repeat(2000), 'access_token', 'refresh_token', 'local', 'others', 'global',
    '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b', '6F1C2A9E-3B4D-4E5F-8A7B-1C2D3E4F5A6B', 'not-a-uuid', 'user@example.com', 'dana.whitfield',
    'correct horse battery staple', '2026-11-22T00:00:00Z', 'yesterday', 'https://example.com/cb', 'native', 'csv', 'true', '10',
    0, 1, -1, 1.5, 50, 100, 1001, true, false, null, NaN,
  ];
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined)) {
    for (const constraint of rule.constraints ?? []) {
      if (Array.isArray(constraint)) pool.push(...constraint);
      else if (constraint && typeof constraint === 'object') pool.push(...Object.values(constraint));
    }
  }
  return pool;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const bodyOf = (cls: Type<unknown>): ArgumentMetadata => ({ type: 'body', metatype: cls, data: undefined });

describe('FastValidationPipe', () => {
  const full = createFullValidationPipe();
  const fast = new FastValidationPipe(full);
  const classes = validatedClasses();

  async function fullAnswer(value: unknown, metadata: ArgumentMetadata): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
    try {
      return { ok: true, value: await full.transform(structuredClone(value), metadata) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  it('finds the service DTOs', () => {
    expect(classes.size).toBeGreaterThan(20);
    expect([...classes.keys()]).toEqual(expect.arrayContaining(['oauth/dto/oauth.dto.ts#TokenRequestDto', 'auth/dto/login.dto.ts#LoginDto']));
  });

  it('accepts only what the full pipe accepts, and builds the same instance, on every DTO', async () => {
    const acceptedBy = new Map<string, number>();
    for (const [name, cls] of classes) {
      const properties = Object.keys(getMetadataStorage().groupByPropertyName(getMetadataStorage().getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined)));
      const pool = valuePool(cls);
      const next = random(name.length * 7919);
      const pick = () => pool[Math.floor(next() * pool.length)];
      for (let i = 0; i < 400; i++) {
        const body: Record<string, unknown> = {};
        for (const property of properties) if (next() < 0.75) body[property] = pick();
        if (next() < 0.08) body.extra = pick();
        const accepted = fast.fastTransform(structuredClone(body), bodyOf(cls));
        if (accepted === undefined) continue;
        acceptedBy.set(name, (acceptedBy.get(name) ?? 0) + 1);
        const answer = await fullAnswer(body, bodyOf(cls));
        if (!answer.ok) throw new Error(`${name}: fast path accepted ${JSON.stringify(body)} which the full pipe refuses: ${(answer.error as Error).message}`);
        expect(Object.getPrototypeOf(accepted)).toBe(cls.prototype);
        expect(accepted).toStrictEqual(answer.value);
      }
    }
    // The hot request bodies do take the fast path (else this file would prove nothing about them).
    expect(acceptedBy.get('oauth/dto/oauth.dto.ts#TokenRequestDto')).toBeGreaterThan(10);
    expect(acceptedBy.get('auth/dto/login.dto.ts#LoginDto')).toBeGreaterThan(10);
  });

  it('leaves unknown fields, prototype keys, nested values and failures to the full pipe, which answers them as always', async () => {
    const token = classes.get('oauth/dto/oauth.dto.ts#TokenRequestDto') as Type<unknown>;
    // A form body can carry a `__proto__` field as an own key: the full pipe strips it.
    const withProtoKey = Object.fromEntries([['token', 'abc'], ['__proto__', 'x']]);
    expect(fast.fastTransform(withProtoKey, bodyOf(token))).toBeUndefined();
    await expect(fast.transform(withProtoKey, bodyOf(token))).resolves.toStrictEqual(Object.assign(new token() as object, { token: 'abc' }));
    const cases: unknown[] = [
      { token: 'abc', extra: 1 },
      { token: { nested: true } },
      { token: ['abc'] },
      { token: '' },
      { token: 'abc', token_type_hint: 'id_token' },
      {},
    ];
    for (const body of cases) {
      expect(fast.fastTransform(body, bodyOf(token))).toBeUndefined();
      await expect(fast.transform(body, bodyOf(token))).rejects.toBeInstanceOf(DomainException);
    }
    const ok = fast.transform({ token: 'abc', token_type_hint: 'access_token' }, bodyOf(token));
    expect(ok).toBeInstanceOf(token);
    expect(ok).toEqual({ token: 'abc', token_type_hint: 'access_token' });
  });

  it('leaves what it cannot reproduce exactly to the full pipe: non-plain values, class-level expose/exclude, accessors', async () => {
    class Plain {
      @IsString() @Length(1, 10) name: string;
    }
    @Exclude()
    class ExcludeAll {
      @IsString() name: string;
    }
    class WithAccessor {
      @IsString() name: string;
      get label(): string {
        return this.name;
      }
      @IsString() get shout(): string {
        return this.name.toUpperCase();
      }
    }
    expect(fast.fastTransform({ name: 'ok' }, bodyOf(Plain))).toEqual(Object.assign(new Plain(), { name: 'ok' }));
    expect(fast.fastTransform(Object.assign([], { name: 'ok' }), bodyOf(Plain))).toBeUndefined();
    expect(fast.fastTransform(Object.assign(new Date(), { name: 'ok' }), bodyOf(Plain))).toBeUndefined();
    expect(fast.fastTransform({ name: 'ok' }, bodyOf(ExcludeAll))).toBeUndefined();
    expect(fast.fastTransform({ name: 'ok', shout: 'X' }, bodyOf(WithAccessor))).toBeUndefined();
    // and the full pipe answers them: class-transformer drops every field of ExcludeAll, so `name` is missing
    await expect(fast.transform({ name: 'ok' }, bodyOf(ExcludeAll))).rejects.toBeInstanceOf(DomainException);
  });

  it('honours a rule\'s own validateIf option as class-validator does', async () => {
    class Conditional {
      @IsString() kind: string;
      @Length(3, 5, { validateIf: (o: Conditional) => o.kind === 'short' }) @IsString() code: string;
    }
    const long = { kind: 'long', code: 'a-much-longer-code' };
    expect(fast.fastTransform(long, bodyOf(Conditional))).toEqual(Object.assign(new Conditional(), long));
    expect((await fullAnswer(long, bodyOf(Conditional))).ok).toBe(true);
    const short = { kind: 'short', code: 'a-much-longer-code' };
    expect(fast.fastTransform(short, bodyOf(Conditional))).toBeUndefined();
    expect((await fullAnswer(short, bodyOf(Conditional))).ok).toBe(false);
  });

  it('refuses a NUL character anywhere in a body, query or path value, naming where, before any DTO rule', () => {
    const [login] = [...classes.entries()].filter(([name]) => name === 'auth/dto/login.dto.ts#LoginDto').map(([, type]) => type);
    const refusal = (value: unknown, type: 'body' | 'query' | 'param' = 'body') => {
      try {
        fast.transform(value, { type, metatype: login, data: undefined });
        return null;
      } catch (error) {
        return error instanceof DomainException ? `${error.code} ${error.message}` : String(error);
      }
    };
    expect(refusal({ username: 'a\u0000b', password: 'long-enough-password' })).toBe('VALIDATION_FAILED username: must not contain NUL (U+0000) characters');
    expect(refusal({ user: { email: ['x', 'y\u0000'] } })).toBe('VALIDATION_FAILED user.email.1: must not contain NUL (U+0000) characters');
    expect(refusal('\u0000', 'param')).toBe('VALIDATION_FAILED value: must not contain NUL (U+0000) characters');
    expect(refusal({ username: 'fine', password: 'long-enough-password' })).toBeNull();
    // Deep nesting is walked without recursion.
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableString(deep)?.path).toMatch(/^0(\.0)*$/);
    expect(unstorableString({ a: ['b', { c: 'd' }], e: 1, f: null })).toBeNull();
    // A key with a NUL is named printably, and a long one is cut.
    expect(unstorableString({ outer: { ['k\u0000' + 'x'.repeat(100)]: 1 } })?.path).toBe(`outer.k\\u0000${'x'.repeat(57)}…`);
  });

  it('refuses a lone surrogate anywhere (validator.js throws "URI malformed" on one), but not a surrogate pair', () => {
    const [createUser] = [...classes.entries()].filter(([name]) => name === 'users/dto/user.dto.ts#CreateUserDto').map(([, type]) => type);
    const body = (email: string) => ({ username: 'someone', email, password: 'long-enough-password' });
    expect(() => fast.transform(body('a\ud800b@example.test'), bodyOf(createUser))).toThrow(
      new DomainException(ErrorCode.VALIDATION_FAILED, 'email: must be well-formed Unicode (a lone surrogate such as \\ud800 is not a character)'),
    );
    expect(unstorableString({ roles: ['ok', 'x\udc00'] })).toEqual({ path: 'roles.1', problem: 'lone-surrogate' });
    expect(unstorableString({ ['k\ud83d']: 1 })).toEqual({ path: 'k\\ud83d', problem: 'lone-surrogate' });
    expect(unstorableString({ name: 'emoji \ud83d\ude00 is fine' })).toBeNull();
  });

  it('answers a validation rule that throws as invalid input, not as a server error', async () => {
    @ValidatorConstraint({ name: 'throwing' })
    class ThrowingRule implements ValidatorConstraintInterface {
      validate(): boolean {
        throw new TypeError('boom');
      }
    }
    class Throwing {
      @Validate(ThrowingRule)
      field: string;
    }
    await expect(Promise.resolve().then(() => fast.transform({ field: 'x' }, bodyOf(Throwing)))).rejects.toEqual(
      new DomainException(ErrorCode.VALIDATION_FAILED, 'A value could not be validated'),
    );
  });

  it('passes a custom decorator value through untouched, as the full pipe does', () => {
    const actor = { kind: 'user' };
    expect(fast.transform(actor, { type: 'custom', metatype: Object, data: undefined })).toBe(actor);
  });
});
