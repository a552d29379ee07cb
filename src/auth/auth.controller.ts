import { Body, Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Actor, actorOf, ActorRequest, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto, errorExample } from '../common/dto/error-response.dto.js';
import { ErrorCode } from '../common/error-codes.js';
import { NoStore } from '../common/no-store.decorator.js';
import { Ctx, RequestContext } from '../common/request-context.js';
import { mapReceipt, mapSession, RevocationReceiptDto } from '../sessions/dto/session.dto.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { mapUser } from '../users/dto/user.dto.js';
import { AuthService } from './auth.service.js';
import { Authenticated, ThrottledResponse } from './authenticated.decorator.js';
import { LoginDto, LogoutQueryDto, RefreshDto, TokenResponseDto } from './dto/login.dto.js';
import { ChangePasswordDto, PasswordChangedDto, ReauthenticateDto, ReauthenticatedDto } from './dto/password.dto.js';
import { CurrentSessionDto, MeDto } from './dto/me.dto.js';
import { StepUpResponse } from '../policy/step-up.decorator.js';

/** On the routes that take a body or a query; the session and profile reads take none. */
const BadInput = () => ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed body or unknown fields' });

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  /** Log in with a username or email and a password; opens a session. */
  @Post('login')
  @BadInput()
  @HttpCode(200)
  @NoStore()
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'Wrong credentials (unknown user and wrong password look the same)',
    example: errorExample(401, ErrorCode.INVALID_CREDENTIALS, 'Invalid username or password'),
  })
  @ThrottledResponse()
  async login(@Body() dto: LoginDto, @Ctx() ctx: RequestContext): Promise<TokenResponseDto> {
    const result = await this.auth.login(
      { identifier: (dto.username ?? dto.email) as string, password: dto.password, deviceToken: dto.deviceToken, deviceName: dto.deviceName },
      ctx,
    );
    return { accessToken: result.accessToken, refreshToken: result.refreshToken, tokenType: 'Bearer', expiresIn: result.expiresIn, sessionId: result.session.id, userId: result.user.id };
  }

  /** Exchange a refresh token for new tokens; a refresh token already used revokes its session. */
  @Post('refresh')
  @BadInput()
  @HttpCode(200)
  @NoStore()
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'Unknown, expired or reused refresh token (a reused one also ends its session: REFRESH_TOKEN_REUSED)',
    example: errorExample(401, ErrorCode.REFRESH_TOKEN_INVALID, 'Unknown or expired refresh token'),
  })
  async refresh(@Body() dto: RefreshDto, @Ctx() ctx: RequestContext): Promise<TokenResponseDto> {
    const t = await this.sessions.refresh(dto.refreshToken, ctx);
    return { accessToken: t.accessToken, refreshToken: t.refreshToken, tokenType: 'Bearer', expiresIn: t.expiresIn, sessionId: t.session.id, userId: t.session.userId };
  }

  /**
   * End this session (local), my other sessions (others) or all of them (global). Idempotent. With the
   * session policy's `endOtherSessionsRequiresReauth`, `others` and `global` need a fresh authentication.
   */
  @Post('logout')
  @BadInput()
  @HttpCode(200)
  @StepUpResponse()
  @Authenticated()
  @ApiOkResponse({ type: RevocationReceiptDto })
  async logout(@CurrentActor() actor: Actor, @Query() query: LogoutQueryDto): Promise<RevocationReceiptDto> {
    return mapReceipt(await this.auth.logout(actor, query.scope ?? 'local'));
  }

  /**
   * Change my password: needs the current one. Ends every other session of mine in the same
   * transaction unless `endOtherSessions` is false; this session stays. Audited (user.password_changed).
   */
  @Post('password')
  @BadInput()
  @HttpCode(200)
  // Above @Authenticated, whose own 401 description it replaces (decorators apply bottom-up).
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing, invalid or revoked token (UNAUTHENTICATED), or a wrong current password (INVALID_CREDENTIALS)' })
  @Authenticated()
  @ApiOkResponse({ type: PasswordChangedDto })
  @ThrottledResponse()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<PasswordChangedDto> {
    return this.auth.changePassword(actor, dto);
  }

  /**
   * Prove my password again: the session's authentication time becomes now (no new token), for the
   * actions the session policy puts behind a fresh authentication (RFC 9470 step-up).
   */
  @Post('reauthenticate')
  @BadInput()
  @HttpCode(200)
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing, invalid or revoked token (UNAUTHENTICATED), or a wrong password (INVALID_CREDENTIALS)' })
  @Authenticated()
  @ApiOkResponse({ type: ReauthenticatedDto })
  @ThrottledResponse()
  reauthenticate(@CurrentActor() actor: Actor, @Body() dto: ReauthenticateDto): Promise<ReauthenticatedDto> {
    return this.auth.reauthenticate(actor, dto.password);
  }

  /**
   * Is this token still good? Answered from the validated session alone — no database work on a
   * cached validation — so other services can ask on every request.
   */
  @Get('session')
  @Authenticated()
  @ApiOkResponse({ type: CurrentSessionDto })
  // The answer is a CurrentSessionDto serialized once per cached session (see currentSessionJson).
  @Header('Content-Type', 'application/json; charset=utf-8')
  // @Req(), not @CurrentActor(): a route other services call on every request skips the pipe chain (see CurrentActor).
  session(@Req() request: ActorRequest): string {
    return this.auth.currentSessionJson(actorOf(request));
  }

  /** The caller: user, roles, effective permissions and current session. */
  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const me = await this.auth.me(actor);
    return { user: mapUser(me.user), permissions: me.permissions, session: me.session ? mapSession(me.session) : null };
  }
}
