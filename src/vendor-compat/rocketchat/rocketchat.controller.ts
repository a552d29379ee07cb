import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../common/actor.js';
import { NoStore } from '../../common/no-store.decorator.js';
import { Ctx, RequestContext } from '../../common/request-context.js';
import {
  mapRocketChatLogin,
  mapRocketChatLogout,
  mapRocketChatUsersLogout,
  RocketChatErrorDto,
  RocketChatLoginDto,
  RocketChatLoginFailedDto,
  RocketChatLoginResponseDto,
  RocketChatLogoutResponseDto,
  RocketChatUsersLogoutDto,
  RocketChatUsersLogoutResponseDto,
} from './dto/rocketchat.dto.js';
import { RocketChatAuthenticated } from './rocketchat-auth.guard.js';
import { RocketChatService } from './rocketchat.service.js';

/** The Rocket.Chat REST API's login and logout calls, answered from the one session store. */
@ApiTags('Rocket.Chat')
@ApiBadRequestResponse({ type: RocketChatErrorDto, description: 'Malformed body or unknown fields (errorType invalid-params)' })
@ApiServiceUnavailableResponse({ type: RocketChatErrorDto, description: 'The database is unavailable' })
@Controller('api/v1')
export class RocketChatController {
  constructor(private readonly rocketChat: RocketChatService) {}

  /** Log in with a username or email and a password. */
  @Post('login')
  @HttpCode(200)
  @NoStore()
  @ApiOperation({ summary: 'Login' })
  @ApiOkResponse({ type: RocketChatLoginResponseDto })
  @ApiUnauthorizedResponse({ type: RocketChatLoginFailedDto, description: 'Wrong credentials (unknown user and wrong password look the same)' })
  @ApiTooManyRequestsResponse({ type: RocketChatErrorDto, description: 'Too many login attempts' })
  async login(@Body() dto: RocketChatLoginDto, @Ctx('rocketchat') ctx: RequestContext): Promise<RocketChatLoginResponseDto> {
    return mapRocketChatLogin(await this.rocketChat.login(dto, ctx));
  }

  /** End the caller's current session. */
  @Get('logout')
  @RocketChatAuthenticated()
  @ApiOperation({ summary: 'Logout' })
  @ApiOkResponse({ type: RocketChatLogoutResponseDto })
  async logoutGet(@CurrentActor() actor: Actor): Promise<RocketChatLogoutResponseDto> {
    await this.rocketChat.logout(actor);
    return mapRocketChatLogout();
  }

  /** End the caller's current session. */
  @Post('logout')
  @HttpCode(200)
  @RocketChatAuthenticated()
  @ApiOperation({ summary: 'Logout' })
  @ApiOkResponse({ type: RocketChatLogoutResponseDto })
  async logoutPost(@CurrentActor() actor: Actor): Promise<RocketChatLogoutResponseDto> {
    await this.rocketChat.logout(actor);
    return mapRocketChatLogout();
  }

  /**
   * Log out of your account. You can also log out of another user's session. You will need the
   * `logout-other-user` permission.
   */
  @Post('users.logout')
  @HttpCode(200)
  @RocketChatAuthenticated()
  @ApiOperation({ summary: 'Logout User', operationId: 'post-api-v1-users.logout' })
  @ApiOkResponse({ type: RocketChatUsersLogoutResponseDto, description: 'OK' })
  @ApiForbiddenResponse({ type: RocketChatErrorDto, description: 'Missing the logout-other-user permission' })
  async usersLogout(@CurrentActor() actor: Actor, @Body() dto: RocketChatUsersLogoutDto): Promise<RocketChatUsersLogoutResponseDto> {
    return mapRocketChatUsersLogout(await this.rocketChat.logoutUser(actor, dto.userId));
  }
}
