import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClientAuthenticated } from '../auth/authenticated.decorator.js';
import { Actor, actorOf, ActorRequest, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { IntrospectionResponseDto, TokenRequestDto } from './dto/oauth.dto.js';
import { OAuthService } from './oauth.service.js';

@ApiTags('oauth')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('v1/oauth')
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  /** RFC 7662 token introspection, for other services holding an API key. */
  @Post('introspect')
  @HttpCode(200)
  @ClientAuthenticated()
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: IntrospectionResponseDto })
  // The answer is an IntrospectionResponseDto serialized once per session and client (see OAuthService.introspect).
  @Header('Content-Type', 'application/json; charset=utf-8')
  // @Req(), not @CurrentActor(): a route other services call on every request skips a pipe chain (see CurrentActor).
  introspect(@Req() request: ActorRequest, @Body() dto: TokenRequestDto): string | Promise<string> {
    return this.oauth.introspect(actorOf(request), dto.token);
  }

  /** RFC 7009 token revocation: ends the token's session; 200 even for an unknown token. */
  @Post('revoke')
  @HttpCode(200)
  @ClientAuthenticated()
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ description: 'Revoked, or already invalid' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The key holds no sessions.revoke-any: it was not granted it, or its creator no longer holds it' })
  async revoke(@CurrentActor() client: Actor, @Body() dto: TokenRequestDto): Promise<Record<string, never>> {
    await this.oauth.revoke(client, dto.token);
    return {};
  }
}
