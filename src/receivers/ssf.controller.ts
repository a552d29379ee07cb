import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, ClientAuthenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import {
  CreateStreamDto,
  JwksDto,
  PollRequestDto,
  PollResponseDto,
  RequiredStreamIdQueryDto,
  StreamConfigurationDto,
  StreamIdQueryDto,
  StreamStatusDto,
  StreamSubjectDto,
  TransmitterMetadataDto,
  UpdateStreamDto,
  UpdateStreamStatusDto,
  VerifyStreamDto,
} from './dto/ssf-stream.dto.js';
import { ReceiverIdParamDto } from './dto/backchannel-receiver.dto.js';
import { ReceiverConfig } from './receiver-config.service.js';
import { POLL_METHOD, PUSH_METHOD } from './ssf.constants.js';
import { SsfStreamsService } from './ssf-streams.service.js';

/** The public face of the transmitter: its metadata (SSF 1.0 §7) and signing keys. */
@ApiTags('shared signals')
@Controller()
export class SsfDiscoveryController {
  constructor(
    private readonly config: ReceiverConfig,
    private readonly keys: SigningKeysService,
  ) {}

  /** Transmitter configuration metadata. */
  @Get('.well-known/ssf-configuration')
  @ApiOkResponse({ type: TransmitterMetadataDto })
  metadata(): TransmitterMetadataDto {
    const base = this.config.issuer;
    return {
      spec_version: '1_0',
      issuer: base,
      jwks_uri: `${base}/.well-known/jwks.json`,
      delivery_methods_supported: [PUSH_METHOD, POLL_METHOD],
      configuration_endpoint: `${base}/ssf/streams`,
      status_endpoint: `${base}/ssf/status`,
      add_subject_endpoint: `${base}/ssf/subjects/add`,
      remove_subject_endpoint: `${base}/ssf/subjects/remove`,
      verification_endpoint: `${base}/ssf/verify`,
      critical_subject_members: ['user', 'session', 'tenant'],
      default_subjects: 'ALL',
      authorization_schemes: [{ spec_urn: 'urn:ietf:rfc:6750' }],
    };
  }

  /** The keys SETs and logout tokens are signed with (during a rotation, both). */
  @Get('.well-known/jwks.json')
  @ApiOkResponse({ type: JwksDto })
  jwks(): Promise<JwksDto> {
    return this.keys.jwks() as Promise<JwksDto>;
  }
}

const NO_STREAM = () => ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such stream in your account' });
const BAD_ID = () => ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid stream_id or body' });
const BAD = () => ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body, URL refused (https, public address), or unknown subject format' });

/** SSF 1.0 §8.1 stream management, for a user with receivers.manage (bearer token). */
@ApiTags('shared signals')
@Controller('ssf')
export class SsfStreamsController {
  constructor(private readonly streams: SsfStreamsService) {}

  /** Creates a stream of the caller's account. */
  @Post('streams')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiCreatedResponse({ type: StreamConfigurationDto })
  @BAD()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStreamDto): Promise<StreamConfigurationDto> {
    return this.streams.create(actor, dto);
  }

  /** One stream (`stream_id`), or every stream of the account. */
  @Get('streams')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse({ type: StreamConfigurationDto, description: 'With stream_id one configuration, without it a list' })
  @NO_STREAM()
  @BAD_ID()
  read(@CurrentActor() actor: Actor, @Query() q: StreamIdQueryDto): Promise<StreamConfigurationDto | StreamConfigurationDto[]> {
    return this.streams.read(actor, q.stream_id);
  }

  /** Changes the fields given. */
  @Patch('streams')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse({ type: StreamConfigurationDto })
  @BAD()
  @NO_STREAM()
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateStreamDto): Promise<StreamConfigurationDto> {
    return this.streams.update(actor, dto, false);
  }

  /** Replaces the receiver-supplied configuration. */
  @Put('streams')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse({ type: StreamConfigurationDto })
  @BAD()
  @NO_STREAM()
  replace(@CurrentActor() actor: Actor, @Body() dto: UpdateStreamDto): Promise<StreamConfigurationDto> {
    return this.streams.update(actor, dto, true);
  }

  /** Deletes the stream; its undelivered events are dropped (recorded on the audit event). */
  @Delete('streams')
  @HttpCode(204)
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiNoContentResponse()
  @NO_STREAM()
  @BAD_ID()
  remove(@CurrentActor() actor: Actor, @Query() q: RequiredStreamIdQueryDto): Promise<void> {
    return this.streams.remove(actor, q.stream_id);
  }

  /** A stream's status: enabled, paused or disabled. */
  @Get('status')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse({ type: StreamStatusDto })
  @NO_STREAM()
  @BAD_ID()
  status(@CurrentActor() actor: Actor, @Query() q: RequiredStreamIdQueryDto): Promise<StreamStatusDto> {
    return this.streams.status(actor, q.stream_id);
  }

  /** enabled, paused (events held) or disabled (events dropped). */
  @Post('status')
  @HttpCode(200)
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse({ type: StreamStatusDto })
  @NO_STREAM()
  @BAD_ID()
  setStatus(@CurrentActor() actor: Actor, @Body() dto: UpdateStreamStatusDto): Promise<StreamStatusDto> {
    return this.streams.setStatus(actor, dto.stream_id, dto.status, dto.reason);
  }

  /** Events about this subject are sent again (every subject is, by default). */
  @Post('subjects/add')
  @HttpCode(200)
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse()
  @BAD()
  @NO_STREAM()
  addSubject(@CurrentActor() actor: Actor, @Body() dto: StreamSubjectDto): Promise<void> {
    return this.streams.subject(actor, dto.stream_id, dto.subject, true);
  }

  /** No more events about this subject on this stream. */
  @Post('subjects/remove')
  @HttpCode(204)
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiNoContentResponse()
  @BAD()
  @NO_STREAM()
  removeSubject(@CurrentActor() actor: Actor, @Body() dto: StreamSubjectDto): Promise<void> {
    return this.streams.subject(actor, dto.stream_id, dto.subject, false);
  }

  /** Sends a verification event on the stream, after the events queued before it. */
  @Post('verify')
  @HttpCode(204)
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiNoContentResponse()
  @NO_STREAM()
  @BAD_ID()
  verify(@CurrentActor() actor: Actor, @Body() dto: VerifyStreamDto): Promise<void> {
    return this.streams.verify(actor, dto.stream_id, dto.state);
  }

  /** RFC 8936 poll delivery with acknowledgements, for an API key of the stream's account. */
  @Post('poll/:id')
  @HttpCode(200)
  @ClientAuthenticated()
  @ApiOkResponse({ type: PollResponseDto })
  @NO_STREAM()
  @BAD_ID()
  poll(@CurrentActor() actor: Actor, @Param() params: ReceiverIdParamDto, @Body() dto: PollRequestDto): Promise<PollResponseDto> {
    return this.streams.poll(actor, params.id, dto);
  }
}
