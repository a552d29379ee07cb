import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { DryRunQueryDto, ForcedLogoutDto, mapReceipt, mapSession, RevocationReceiptDto, SessionDto } from './dto/session.dto.js';
import { RevocationService } from './revocation.service.js';
import { SessionsService } from './sessions.service.js';
import { StepUpResponse } from '../policy/step-up.decorator.js';

@ApiTags('sessions')
@Controller('v1/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
  ) {}

  /** My live sessions, newest first. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [SessionDto] })
  async listOwn(@CurrentActor() actor: Actor): Promise<SessionDto[]> {
    return (await this.sessions.listOwn(actor)).map(mapSession);
  }

  /** End one session: my own, or any in my account with sessions.revoke-any. Body optional. */
  @Delete(':id')
  @StepUpResponse()
  @Authenticated()
  @ApiOkResponse({ type: RevocationReceiptDto })
  // Only this route takes input: the listing above cannot answer 400.
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed session id, query or body, or unknown fields' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiBody({ type: ForcedLogoutDto, required: false })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DryRunQueryDto,
    @Body() body: ForcedLogoutDto = {},
  ): Promise<RevocationReceiptDto> {
    return mapReceipt(await this.revocation.revoke(actor, { kind: 'session', sessionId: id }, { ...body, dryRun: query.dryRun }));
  }
}
