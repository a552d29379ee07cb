import type { OpenAPIObject } from '@nestjs/swagger';

/** The committed files made from the OpenAPI document (repository-relative path → content). */
export type OpenApiFiles = Record<'openapi.json' | 'openapi.d.ts', string>;

export const REFRESH_COMMAND = 'npm run openapi';

const TYPES_HEADER = `/**
 * Types of the Session Service API, generated from openapi.json by openapi-typescript.
 * Do not edit: \`${REFRESH_COMMAND}\` regenerates this file and openapi.json from the code.
 */

`;

/**
 * openapi.json (the document as /docs-json serves it) and openapi.d.ts (its types, for a typed client
 * such as openapi-fetch). openapi-typescript is a development tool: loaded only when generating.
 */
export async function openApiFiles(document: OpenAPIObject): Promise<OpenApiFiles> {
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  // From the JSON text, as a client generator reads the committed file.
  const types = astToString(await openapiTS(json, { alphabetize: false }));
  return { 'openapi.json': json, 'openapi.d.ts': TYPES_HEADER + types };
}
