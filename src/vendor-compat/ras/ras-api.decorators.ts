import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from './dto/problem-details.dto.js';
import { RAS_CONTENT_TYPE } from './ras-error.dialect.js';
import { RasAuthGuard } from './ras-auth.guard.js';

type Schema = Record<string, unknown>;

/** A response in RAS's versioned JSON content type (Swagger otherwise says plain `application/json`). */
export const RasResponse = (status: number, description: string, schema?: Schema) =>
  ApiResponse({ status, description, ...(schema ? { content: { [RAS_CONTENT_TYPE]: { schema } } } : {}) });

export const ProblemResponse = (status: number, description: string) => RasResponse(status, description, { $ref: getSchemaPath(ProblemDetailsDto) });

export const modelRef = (model: Function): Schema => ({ $ref: getSchemaPath(model) });

/** `auth_token` authentication and its Swagger description, together so they can't drift apart. */
export function RasAuthenticated() {
  return applyDecorators(UseGuards(RasAuthGuard), ApiSecurity('ras-token'), ProblemResponse(401, 'Unauthorized'));
}
