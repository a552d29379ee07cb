import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  mapUberallAllSessions,
  mapUberallLogin,
  mapUberallLogout,
  UberallAllSessionsResponseDto,
  UberallErrorDto,
  UberallLoginDto,
  UberallLoginResponseDto,
  UberallLogoutResponseDto,
  UberallUserIdParamDto,
} from './dto/uberall.dto.js';
import { NoStore } from '../../common/no-store.decorator.js';
import { UberallAuthenticated, UberallClientAuthenticated } from './uberall-auth.guard.js';
import { CurrentActor } from '../../common/actor.js';
import type { UberallCaller } from './uberall-auth.guard.js';
import { UberallService } from './uberall.service.js';

/** Uberall's user login and logout calls, every answer in its `{status, response}` envelope. */
@ApiTags('Uberall')
@ApiBadRequestResponse({ type: UberallErrorDto, description: 'INVALID_PARAMETER: malformed body, unknown fields or a bad id' })
@ApiServiceUnavailableResponse({ type: UberallErrorDto, description: 'SERVER_ERROR: the database is unavailable' })
@Controller('users')
export class UberallController {
  constructor(private readonly uberall: UberallService) {}

  /**
   * Log in with email and password, or, for a client application whose API key was created with
   * `signInUsers`, with its private_key and the user's email or userId; X-API-KEY is required.
   */
  @Post('login')
  @HttpCode(200)
  @NoStore()
  @UberallClientAuthenticated()
  @ApiOperation({ summary: 'Log in a user' })
  @ApiOkResponse({ type: UberallLoginResponseDto })
  @ApiTooManyRequestsResponse({ type: UberallErrorDto, description: 'QUOTA_LIMIT_EXCEED: too many login attempts' })
  async login(@CurrentActor() client: UberallCaller, @Body() dto: UberallLoginDto): Promise<UberallLoginResponseDto> {
    return mapUberallLogin(await this.uberall.login(client, dto));
  }

  /** Logs out the current user and invalidates the access_token associated with this session. */
  @Post('logout')
  @HttpCode(200)
  @UberallAuthenticated()
  @ApiOperation({ summary: 'Log out the current user' })
  @ApiOkResponse({ type: UberallLogoutResponseDto })
  async logout(@CurrentActor() caller: UberallCaller): Promise<UberallLogoutResponseDto> {
    await this.uberall.logout(caller);
    return mapUberallLogout(caller.redirectUrl);
  }

  /** Ends every session of a user (admin: needs sessions.revoke-any for anyone but yourself). */
  @Delete(':id/all-sessions')
  @UberallAuthenticated()
  @ApiOperation({ summary: "End all of a user's sessions" })
  @ApiOkResponse({ type: UberallAllSessionsResponseDto })
  @ApiForbiddenResponse({ type: UberallErrorDto, description: 'FORBIDDEN: missing the sessions.revoke-any permission' })
  @ApiNotFoundResponse({ type: UberallErrorDto, description: 'NOT_FOUND: no such user (or one of another account)' })
  async logoutAll(@CurrentActor() caller: UberallCaller, @Param() params: UberallUserIdParamDto): Promise<UberallAllSessionsResponseDto> {
    return mapUberallAllSessions(await this.uberall.logoutAll(caller, params.id));
  }
}
