import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { BackchannelReceiverDto, CreateBackchannelReceiverDto, ReceiverIdParamDto, SigningKeyRotationDto } from './dto/backchannel-receiver.dto.js';
import { BackchannelReceiversService } from './backchannel-receivers.service.js';

@ApiTags('receivers')
@Controller('v1')
export class BackchannelReceiversController {
  constructor(
    private readonly receivers: BackchannelReceiversService,
    private readonly keys: SigningKeysService,
  ) {}

  /** Registers a relying party's back-channel logout URI: it gets a logout token whenever a session of the account ends. */
  @Post('backchannel-receivers')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiCreatedResponse({ type: BackchannelReceiverDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body, or a URI refused (https, public address)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBackchannelReceiverDto): Promise<BackchannelReceiverDto> {
    return this.receivers.create(actor, dto);
  }

  /** The account's back-channel logout receivers. */
  @Get('backchannel-receivers')
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiOkResponse({ type: [BackchannelReceiverDto] })
  list(@CurrentActor() actor: Actor): Promise<BackchannelReceiverDto[]> {
    return this.receivers.list(actor);
  }

  /** Removes a back-channel logout receiver: it gets no further logout tokens. */
  @Delete('backchannel-receivers/:id')
  @HttpCode(204)
  @Authenticated(PERMISSIONS.receiversManage)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such receiver in your account' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid receiver id' })
  remove(@CurrentActor() actor: Actor, @Param() params: ReceiverIdParamDto): Promise<void> {
    return this.receivers.remove(actor, params.id);
  }

  /** Rotates the signing key (system admin): the new key signs from now on, the old one stays in the JWKS until the next rotation. */
  @Post('signing-keys/rotate')
  @HttpCode(200)
  @Authenticated(PERMISSIONS.accountsManage)
  @ApiOkResponse({ type: SigningKeyRotationDto })
  rotate(@CurrentActor() actor: Actor): Promise<SigningKeyRotationDto> {
    return this.keys.rotate(actor);
  }
}
