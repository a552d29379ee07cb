import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { NoStore } from '../common/no-store.decorator.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { AccessKeysService } from './access-keys.service.js';
import { ApiKeysService } from './api-keys.service.js';
import { AccessKeyDto, AccessKeyParamDto, AccountAccessKeysParamDto, CreatedAccessKeyDto, mapAccessKey } from './dto/access-key.dto.js';
import { ApiKeyDto, ApiKeyIdParamDto, CreateApiKeyDto, CreatedApiKeyDto, mapApiKey } from './dto/api-key.dto.js';

/** On the routes that take input, and those that name a key or an account. */
const BadInput = () => ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed id or body, or unknown fields' });
const NotFound = () => ApiNotFoundResponse({ type: ErrorResponseDto });

@ApiTags('clients')
@Controller('v1')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly accessKeys: AccessKeysService,
  ) {}

  /** Issue an API key for another service (introspection, revocation, Uberall's X-API-KEY). Shown once. */
  @Post('api-keys')
  @BadInput()
  @NoStore()
  @Authenticated(PERMISSIONS.clientsManage)
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, apiKey, privateKey } = await this.apiKeys.create(actor, dto.name, dto.redirectUrl ?? null, dto.signInUsers ?? false);
    return { ...mapApiKey(key), apiKey, ...(privateKey === undefined ? {} : { privateKey }) };
  }

  /** The API keys of your account (never the keys themselves). */
  @Get('api-keys')
  @Authenticated(PERMISSIONS.clientsManage)
  @ApiOkResponse({ type: [ApiKeyDto] })
  async list(@CurrentActor() actor: Actor): Promise<ApiKeyDto[]> {
    return (await this.apiKeys.list(actor)).map(mapApiKey);
  }

  /** Revoke an API key; with `signInUsers`, the sessions it signed in end too. */
  @Delete('api-keys/:id')
  @BadInput()
  @NotFound()
  @Authenticated(PERMISSIONS.clientsManage)
  @ApiOkResponse({ type: ApiKeyDto })
  async revoke(@CurrentActor() actor: Actor, @Param() params: ApiKeyIdParamDto): Promise<ApiKeyDto> {
    return mapApiKey(await this.apiKeys.revoke(actor, params.id));
  }

  /** Issue a SigV4 access key pair for an account (Chime surface). The secret is shown once. */
  @Post('accounts/:accountId/access-keys')
  @BadInput()
  @NoStore()
  @NotFound()
  @Authenticated(PERMISSIONS.clientsManage)
  @ApiCreatedResponse({ type: CreatedAccessKeyDto })
  async createAccessKey(@CurrentActor() actor: Actor, @Param() params: AccountAccessKeysParamDto): Promise<CreatedAccessKeyDto> {
    const { key, secretAccessKey } = await this.accessKeys.create(actor, params.accountId);
    return { ...mapAccessKey(key), secretAccessKey };
  }

  /** The account's SigV4 access keys (never the secrets). */
  @Get('accounts/:accountId/access-keys')
  @BadInput()
  @NotFound()
  @Authenticated(PERMISSIONS.clientsManage)
  @ApiOkResponse({ type: [AccessKeyDto] })
  async listAccessKeys(@CurrentActor() actor: Actor, @Param() params: AccountAccessKeysParamDto): Promise<AccessKeyDto[]> {
    return (await this.accessKeys.list(actor, params.accountId)).map(mapAccessKey);
  }

  /** Revoke a SigV4 access key: requests signed with it are refused from then on. */
  @Delete('accounts/:accountId/access-keys/:accessKeyId')
  @BadInput()
  @NotFound()
  @Authenticated(PERMISSIONS.clientsManage)
  @ApiOkResponse({ type: AccessKeyDto })
  async revokeAccessKey(@CurrentActor() actor: Actor, @Param() params: AccessKeyParamDto): Promise<AccessKeyDto> {
    return mapAccessKey(await this.accessKeys.revoke(actor, params.accountId, params.accessKeyId));
  }
}
