import { Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** The one value a `null` branch admits (OpenAPI 3.0 has no null type: a nullable type narrowed to null). */
const NULL_ONLY = { type: 'object' as const, nullable: true, enum: [null] };

/**
 * A `Model | null` property. The Swagger plugin writes `nullable: true` beside `allOf: [$ref]`, which
 * still rejects null (in OpenAPI 3.0 `nullable` only widens a `type`; the allOf demands the model), so
 * a validator refuses the null the service sends: offer null as a branch of its own.
 */
export function ApiNullableProperty(model: Type<unknown>): PropertyDecorator {
  return (target, key) => {
    // Registered by the owning class, so the $ref resolves wherever the property is the model's only use.
    ApiExtraModels(model)(target.constructor);
    // `type: Object` replaces the plugin's `type: () => model`, which would bring the allOf back.
    ApiProperty({ type: Object, oneOf: [{ $ref: getSchemaPath(model) }, NULL_ONLY] })(target, key);
  };
}
