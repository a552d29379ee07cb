import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { AuditStreamsService } from './audit-streams.service.js';
import { AuditStreamDto, AuditStreamIdParamDto, AuditStreamStatusDto, CreateAuditStreamDto, UpdateAuditStreamDto } from './dto/audit-stream.dto.js';

const FORBIDDEN = `Requires the ${PERMISSIONS.auditStream} and ${PERMISSIONS.auditRead} permissions`;
const NOT_FOUND = 'No such stream in your account (another account\'s stream is answered the same)';

@ApiTags('audit streams')
@Controller('v1/audit/streams')
export class AuditStreamsController {
  constructor(private readonly streams: AuditStreamsService) {}

  /** Streams the account's audit events (all, or some actions) to a SIEM: NDJSON over https with an HMAC signature, Splunk HEC, or syslog over TLS. */
  @Post()
  @Authenticated(PERMISSIONS.auditStream)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: FORBIDDEN })
  @ApiCreatedResponse({ type: AuditStreamDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body, a setting of another kind, a missing secret, or a destination refused (https, public address)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAuditStreamDto): Promise<AuditStreamDto> {
    return this.streams.create(actor, dto);
  }

  /** The account's audit streams (never their secrets). */
  @Get()
  @Authenticated(PERMISSIONS.auditStream)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: FORBIDDEN })
  @ApiOkResponse({ type: [AuditStreamDto] })
  list(@CurrentActor() actor: Actor): Promise<AuditStreamDto[]> {
    return this.streams.list(actor);
  }

  /** One audit stream (never its secrets). */
  @Get(':id')
  @Authenticated(PERMISSIONS.auditStream)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: FORBIDDEN })
  @ApiOkResponse({ type: AuditStreamDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid stream id' })
  get(@CurrentActor() actor: Actor, @Param() params: AuditStreamIdParamDto): Promise<AuditStreamDto> {
    return this.streams.get(actor, params.id);
  }

  /** Where a stream's delivery stands: events waiting, given up on, the last one delivered, the last error. */
  @Get(':id/status')
  @Authenticated(PERMISSIONS.auditStream)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: FORBIDDEN })
  @ApiOkResponse({ type: AuditStreamStatusDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid stream id' })
  status(@CurrentActor() actor: Actor, @Param() params: AuditStreamIdParamDto): Promise<AuditStreamStatusDto> {
    return this.streams.status(actor, params.id);
  }

  /** Changes a stream (not its kind); the caller becomes the one it sends for. A paused stream keeps its events until enabled. */
  @Patch(':id')
  @Authenticated(PERMISSIONS.auditStream)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: FORBIDDEN })
  @ApiOkResponse({ type: AuditStreamDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body or id, a setting of another kind, or a destination refused' })
  update(@CurrentActor() actor: Actor, @Param() params: AuditStreamIdParamDto, @Body() dto: UpdateAuditStreamDto): Promise<AuditStreamDto> {
    return this.streams.update(actor, params.id, dto);
  }

  /** Removes a stream: its events not yet delivered are dropped (counted on its audit event). */
  @Delete(':id')
  @HttpCode(204)
  @Authenticated(PERMISSIONS.auditStream)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: FORBIDDEN })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid stream id' })
  remove(@CurrentActor() actor: Actor, @Param() params: AuditStreamIdParamDto): Promise<void> {
    return this.streams.remove(actor, params.id);
  }
}
