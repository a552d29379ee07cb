import { ArgumentMetadata, Logger, PipeTransform, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { TransformationType } from 'class-transformer';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import { DomainException, ErrorCode } from './error-codes.js';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** One rule of a property: class-validator's own constraint, called as class-validator calls it. */
interface Check {
  validate: (value: unknown, args: ValidationArguments) => unknown;
  constraints: unknown[];
  /** The rule's own `validateIf` option: the rule is skipped when it answers false. */
  validateIf?: (object: object, value: unknown) => boolean;
}

/** The class and its ancestors (class-transformer and class-validator read metadata along this chain). */
function* classChain(metatype: Type<unknown>): Generator<Function> {
  for (let t: Function | null = metatype; t && t !== Function.prototype; t = Object.getPrototypeOf(t) as Function | null) yield t;
}

/** A DTO property: the conditions that gate its checks (@IsOptional, @ValidateIf) and the checks. */
interface PropertyPlan {
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: Check[];
}

type Plan = Map<string, PropertyPlan>;

/**
 * The DTO's rules read once from class-validator's metadata, or null when the DTO uses anything the
 * fast path does not reproduce exactly (class-transformer metadata, nested or promise validation,
 * `each`, groups, async constraints): those DTOs always take the full pipe.
 */
function compilePlan(metatype: Type<unknown>): Plan | null {
  const storage = getMetadataStorage();
  // The arguments class-validator's executor passes with our options (no groups, no `always`).
  const metadatas = storage.getTargetValidationMetadatas(metatype, undefined as unknown as string, false, false, undefined);
  if (metadatas.length === 0) return null; // class-validator answers "unknown value": leave it to the full pipe
  if (defaultMetadataStorage.getExposedMetadatas(metatype).length || defaultMetadataStorage.getExcludedMetadatas(metatype).length) return null;
  // Class-level @Expose()/@Exclude() (a strategy) are not in the lists above.
  for (const t of classChain(metatype)) if (defaultMetadataStorage.getStrategy(t) !== 'none') return null;
  const plan: Plan = new Map();
  for (const [property, rules] of Object.entries(storage.groupByPropertyName(metadatas))) {
    if (
      defaultMetadataStorage.findTypeMetadata(metatype, property) ||
      defaultMetadataStorage.findTransformMetadatas(metatype, property, TransformationType.PLAIN_TO_CLASS).length
    ) {
      return null;
    }
    // An accessor or method of that name: class-transformer skips such keys, Object.assign would not.
    for (const t of classChain(metatype)) if (Object.getOwnPropertyDescriptor(t.prototype, property)) return null;
    const entry: PropertyPlan = { conditions: [], checks: [] };
    for (const rule of rules) {
      if (rule.each || rule.groups?.length || rule.always) return null;
      switch (rule.type) {
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.CONDITIONAL_VALIDATION:
          entry.conditions.push(rule.constraints[0] as PropertyPlan['conditions'][number]);
          break;
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION:
          for (const constraint of storage.getTargetValidatorConstraints(rule.constraintCls)) {
            if (constraint.async) return null;
            const instance = constraint.instance as Check;
            entry.checks.push({ validate: (value, args) => instance.validate(value, args), constraints: rule.constraints, validateIf: rule.validateIf });
          }
          break;
        default:
          return null;
      }
    }
    plan.set(property, entry);
  }
  return plan;
}

const isPrimitive = (value: unknown) => value === null || (typeof value !== 'object' && typeof value !== 'function');

/** U+0000, or a UTF-16 code unit of a surrogate pair standing alone (a `u` regex matches only those). */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** What is wrong with a string no rule should see: Postgres cannot store it, and string code may throw on it. */
export type UnstorableProblem = 'nul' | 'lone-surrogate';

const PROBLEMS: Record<UnstorableProblem, string> = {
  nul: 'must not contain NUL (U+0000) characters',
  'lone-surrogate': 'must be well-formed Unicode (a lone surrogate such as \\ud800 is not a character)',
};

function problemOf(text: string): UnstorableProblem | null {
  if (!UNSTORABLE.test(text)) return null;
  return text.includes('\u0000') ? 'nul' : 'lone-surrogate';
}

/**
 * The first string (value or key) in `value` that holds U+0000 (Postgres cannot store it in text: the
 * statement would fail as a server error) or a lone surrogate (JSON's `"\ud800"`: not Unicode text;
 * `encodeURI`, which validator.js calls in isEmail/isByteLength, throws on it), with its path; null when
 * there is none. Iterative, so a deeply nested body cannot exhaust the stack. A flat body (most requests)
 * costs one pass of checks: a path is built only for a nested object or array, and for the field found.
 */
export function unstorableString(value: unknown): { path: string; problem: UnstorableProblem } | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { path: 'value', problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  const pending: { item: object; path: string | null }[] = [{ item: value, path: null }];
  while (pending.length > 0) {
    const { item, path } = pending.pop() as { item: object; path: string | null };
    // for…in, not Object.entries: no array per object on the path every request body takes.
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      const child: unknown = (item as Record<string, unknown>)[key];
      const problem = problemOf(key) ?? (typeof child === 'string' ? problemOf(child) : null);
      if (problem || (child !== null && typeof child === 'object')) {
        const here = path === null ? printable(key) : `${path}.${printable(key)}`;
        if (problem) return { path: here, problem };
        pending.push({ item: child as object, path: here });
      }
    }
  }
  return null;
}

/** A field name as an error message may quote it: NULs and lone surrogates shown escaped, long names cut. */
function printable(key: string): string {
  const shown = key.replace(/[\u0000\uD800-\uDFFF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 64 ? `${shown.slice(0, 64)}…` : shown;
}

const logger = new Logger('Validation');

/**
 * Validation is total: a rule that throws on some input (rather than answering false) is a bug in the
 * rule, but the input is still the client's, so the answer is a 400, not a 500. Logged, to be fixed.
 */
function validatorFailure(error: unknown): unknown {
  if (error instanceof DomainException) return error;
  logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'a validation rule threw; answered as invalid input');
  return new DomainException(ErrorCode.VALIDATION_FAILED, 'A value could not be validated');
}

/**
 * The global pipe: whitelisting, unknown-field-rejecting validation whose failures are DomainExceptions
 * any dialect can render.
 *
 * Every request body passes through here, and class-transformer + class-validator cost more than
 * the rest of a small request (introspection spent ~20% of its time in them). So a flat DTO is first
 * checked on a fast path that runs the very same class-validator constraints, in the same order,
 * without their machinery (no error objects, no promises, no metadata scans). Only a value the fast
 * path accepts outright is answered there: any failure, unknown or non-primitive field, or DTO it
 * cannot reproduce goes through the full pipe, which then gives the exact same answer or error as
 * always. `validation.pipe.spec.ts` checks the two agree on every DTO of the service.
 */
export class FastValidationPipe implements PipeTransform {
  private readonly plans = new Map<Type<unknown>, Plan | null>();

  constructor(private readonly full: ValidationPipe) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // What the full pipe does for a custom decorator's value (validateCustomDecorators is off).
    if (metadata.type === 'custom') return value;
    // A JSON `null` body is not an empty one: the full pipe would take it for `{}` (and, say, log the
    // caller out everywhere for want of a target).
    if (value === null && metadata.type === 'body' && metadata.metatype?.prototype) {
      throw new DomainException(ErrorCode.VALIDATION_FAILED, 'The body must be a JSON object, not null');
    }
    const unstorable = unstorableString(value);
    if (unstorable) throw new DomainException(ErrorCode.VALIDATION_FAILED, `${unstorable.path}: ${PROBLEMS[unstorable.problem]}`);
    let instance: object | undefined;
    try {
      instance = this.fastTransform(value, metadata);
    } catch (error) {
      throw validatorFailure(error);
    }
    return instance === undefined ? Promise.resolve(this.full.transform(value, metadata)).catch((error: unknown) => Promise.reject(validatorFailure(error))) : instance;
  }

  /** The DTO instance when the fast path accepts `value` outright; undefined to ask the full pipe. */
  fastTransform(value: unknown, metadata: ArgumentMetadata): object | undefined {
    const metatype = metadata.metatype as Type<unknown> | undefined;
    if (!metatype || !metatype.prototype || (metadata.type !== 'body' && metadata.type !== 'query')) return undefined;
    // Plain objects only (what the JSON and form parsers make): an array, a Date or a Buffer is the full pipe's.
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.prototype.toString.call(value) !== '[object Object]') return undefined;
    let plan = this.plans.get(metatype);
    if (plan === undefined) this.plans.set(metatype, (plan = compilePlan(metatype)));
    if (!plan) return undefined;
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      if (!plan.has(key) || !isPrimitive(input[key])) return undefined;
    }
    // What class-transformer builds for a flat DTO without its metadata: a new instance, keys copied.
    const object = Object.assign(new metatype() as object, input) as Record<string, unknown>;
    for (const key of Object.keys(object)) if (!plan.has(key)) return undefined; // a field the class itself adds
    for (const [property, { conditions, checks }] of plan) {
      const propertyValue = object[property];
      if (!conditions.every((condition) => condition(object, propertyValue))) continue;
      for (const { validate, constraints, validateIf } of checks) {
        if (validateIf && !validateIf(object, propertyValue)) continue;
        // Anything but `true` (false, a promise) is left to the full pipe.
        if (validate(propertyValue, { targetName: metatype.name, property, object, value: propertyValue, constraints }) !== true) return undefined;
      }
    }
    return object;
  }
}

/** The full pipe: class-transformer and class-validator with the service's options and error shape. */
export function createFullValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** The native 400 of invalid fields, in the pipe's words and shape (`details.errors`). */
export function validationFailed(fields: { field: string; problems: string[] }[]): DomainException {
  const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ') || 'Invalid request';
  return new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: fields });
}

export function createValidationPipe(): FastValidationPipe {
  return new FastValidationPipe(createFullValidationPipe());
}
