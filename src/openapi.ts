import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Builds the OpenAPI document from the decorators (every surface, one document). */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Session Service')
    .setDescription(
      'Identity microservice centred on the session: log in, validate tokens instantly, log out (yourself, or others as an admin) with every forced logout audited. ' +
        'The native API lives under /v1; vendor-compatible logout APIs live under their own prefixes.',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token from POST /v1/auth/login' }, 'bearer')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key of a client application' }, 'client-bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key of a client application' }, 'api-key')
    // Vendor dialects: each surface's own credentials.
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Auth-Token', description: 'Rocket.Chat: authToken from /api/v1/login' }, 'rocketchat-token')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-User-Id', description: 'Rocket.Chat: userId from /api/v1/login' }, 'rocketchat-user')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-KEY', description: 'Uberall: the client application key (POST /v1/api-keys)' }, 'uberall-api-key')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'Uberall: the access_token from /users/login (bare or Bearer)' }, 'uberall-token')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ZAP: token from /v1/login' }, 'zap-bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'auth_token', description: 'Parallels RAS: authToken from /api/Session/logon' }, 'ras-token')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Amazon Chime: AWS Signature Version 4 (service "chime") with an access key from POST /v1/accounts/{accountId}/access-keys; use an AWS SDK',
      },
      'chime-sigv4',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
