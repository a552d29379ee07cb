import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthService } from '../../auth/auth.service.js';
import { Actor, CurrentActor } from '../../common/actor.js';
import { NoStore } from '../../common/no-store.decorator.js';
import { Ctx, RequestContext } from '../../common/request-context.js';
import { RevocationService } from '../../sessions/revocation.service.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { ProblemDetailsDto } from './dto/problem-details.dto.js';
import { mapRasLogon, mapRasSessionInfo, RasLogonDto, RasSessionDto, RasSessionIdParamDto, RasSessionInfoDto } from './dto/ras-session.dto.js';
import { modelRef, ProblemResponse, RasAuthenticated, RasResponse } from './ras-api.decorators.js';
import { RAS_CONTENT_TYPE_HEADER } from './ras-error.dialect.js';

/** RAS answers logoff with a JSON string; Fastify sends a string as is, so it is serialised here. */
const LOGGED_OFF = JSON.stringify('Logged off');

/** Parallels RAS REST API v1: administrator sessions (paths are case-insensitive, as in RAS). */
@ApiTags('Parallels RAS')
@ApiExtraModels(ProblemDetailsDto, RasSessionDto, RasSessionInfoDto)
@ProblemResponse(400, 'Bad Request')
@ProblemResponse(500, 'Internal Server Error')
@ProblemResponse(503, 'Service Unavailable')
@Controller('api/Session')
export class RasSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
  ) {}

  /** Log on with a username (or email) and password; send the answer's authToken as `auth_token`. */
  @Post('logon')
  @HttpCode(200)
  @NoStore()
  @Header('Content-Type', RAS_CONTENT_TYPE_HEADER)
  @ApiOperation({ summary: 'Log on' })
  @RasResponse(200, 'Success', modelRef(RasSessionDto))
  @ProblemResponse(401, 'Unauthorized')
  @ProblemResponse(429, 'Too Many Requests')
  async logon(@Body() dto: RasLogonDto, @Ctx('ras') ctx: RequestContext): Promise<RasSessionDto> {
    const result = await this.auth.login({ identifier: dto.username, password: dto.password }, ctx);
    return mapRasLogon(result.accessToken, result.session, result.user.username);
  }

  /** Not in the vendor's API: the live sessions of the caller's account, so a client can find session ids. */
  @Get()
  @RasAuthenticated()
  @Header('Content-Type', RAS_CONTENT_TYPE_HEADER)
  @ApiOperation({ summary: 'List administrator sessions', description: 'Requires sessions.read-any.' })
  @RasResponse(200, 'Success', { type: 'array', items: modelRef(RasSessionInfoDto) })
  @ProblemResponse(403, 'Forbidden')
  async list(@CurrentActor() actor: Actor): Promise<RasSessionInfoDto[]> {
    return (await this.sessions.listForAccount(actor)).map(mapRasSessionInfo);
  }

  @Post('logoff')
  @HttpCode(200)
  @RasAuthenticated()
  @Header('Content-Type', RAS_CONTENT_TYPE_HEADER)
  @ApiOperation({ summary: 'Log off', description: 'Log off user. User must be authenticated first.' })
  @RasResponse(200, 'Success', { type: 'string' })
  async logoff(@CurrentActor() actor: Actor): Promise<string> {
    await this.auth.logout(actor, 'local');
    return LOGGED_OFF;
  }

  @Post(':SessionId/logoff')
  @HttpCode(204)
  @RasAuthenticated()
  @ApiOperation({
    summary: 'LogOff Other Admin',
    description:
      'Invoke the RAS Admin Session to send the LogOff command for the Admin with specified Session ID. ' +
      'Ending another user\'s session requires sessions.revoke-any; a session of another account answers 404, like an unknown id.',
  })
  @ApiParam({ name: 'SessionId', description: 'Session ID of the Admin to be Disconnected.', required: true, schema: { type: 'integer', format: 'int32' } })
  @RasResponse(204, 'No Content')
  @ProblemResponse(403, 'Forbidden')
  @ProblemResponse(404, 'Not Found')
  async logoffOther(@CurrentActor() actor: Actor, @Param() params: RasSessionIdParamDto): Promise<void> {
    await this.revocation.revoke(actor, { kind: 'session-number', number: params.SessionId });
  }
}
