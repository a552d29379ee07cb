import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
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
  mapZapLogin,
  mapZapLogout,
  ZapDeviceLogoutDto,
  ZapErrorDto,
  ZapLoginDto,
  ZapLoginResponseDto,
  ZapLogoutResponseDto,
  ZapUserIdParamDto,
} from './dto/zap.dto.js';
import { ZapAuthenticated } from './zap-auth.guard.js';
import { ZapService } from './zap.service.js';

/** The ZAP API Platform's login and logout calls. */
@ApiTags('ZAP')
@ApiBadRequestResponse({ type: ZapErrorDto, description: 'Malformed request: invalid parameters or body content' })
@ApiInternalServerErrorResponse({ type: ZapErrorDto, description: 'An error occured while processing the request' })
@ApiServiceUnavailableResponse({ type: ZapErrorDto, description: 'The database is unavailable' })
@Controller('v1')
export class ZapController {
  constructor(private readonly zap: ZapService) {}

  /** Log in with an email or username and a password; a deviceToken binds the session to that device. */
  @Post('login')
  @HttpCode(200)
  @NoStore()
  @ApiOperation({ summary: 'Login' })
  @ApiOkResponse({ type: ZapLoginResponseDto })
  @ApiUnauthorizedResponse({ type: ZapErrorDto, description: 'Wrong credentials' })
  @ApiTooManyRequestsResponse({ type: ZapErrorDto, description: 'Too many login attempts' })
  async login(@Body() dto: ZapLoginDto, @Ctx('zap') ctx: RequestContext): Promise<ZapLoginResponseDto> {
    return mapZapLogin(await this.zap.login(dto, ctx));
  }

  /** Allows the user to logout on the platform: ends the user's sessions on that device. */
  @Put('users/logout/:id')
  @ZapAuthenticated()
  @ApiOperation({ summary: 'LogOut User By Id' })
  @ApiOkResponse({ type: ZapLogoutResponseDto })
  @ApiForbiddenResponse({ type: ZapErrorDto, description: 'Another user: needs the sessions.revoke-any permission' })
  @ApiNotFoundResponse({ type: ZapErrorDto, description: 'No such user (or one of another account)' })
  async logoutDevice(@CurrentActor() actor: Actor, @Param() params: ZapUserIdParamDto, @Body() dto: ZapDeviceLogoutDto): Promise<ZapLogoutResponseDto> {
    await this.zap.logoutDevice(actor, params.id, dto.deviceToken);
    return mapZapLogout();
  }

  /** Web app logout (site admins for other users): ends every session of the user. */
  @Get('users/logout/:id')
  @ZapAuthenticated()
  @ApiOperation({ summary: 'LogOut User By Id (all sessions)' })
  @ApiOkResponse({ type: ZapLogoutResponseDto })
  @ApiForbiddenResponse({ type: ZapErrorDto, description: 'Another user: needs the sessions.revoke-any permission' })
  @ApiNotFoundResponse({ type: ZapErrorDto, description: 'No such user (or one of another account)' })
  async logoutAll(@CurrentActor() actor: Actor, @Param() params: ZapUserIdParamDto): Promise<ZapLogoutResponseDto> {
    await this.zap.logoutAll(actor, params.id);
    return mapZapLogout();
  }
}
