import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../common/actor.js';
import { ChimeAuthenticated } from './chime-api.decorators.js';
import { ChimeUsersService } from './chime-users.service.js';
import {
  ChimeAccountParamsDto,
  ChimeUserParamsDto,
  GetUserResponseDto,
  ListUsersQueryDto,
  ListUsersResponseDto,
  LogoutUserQueryDto,
  mapGetUser,
  mapListUsers,
} from './dto/chime.dto.js';

/** Amazon Chime (restJson1, SigV4): users of an account. Use an AWS SDK with a custom endpoint. */
@ApiTags('Amazon Chime')
@ChimeAuthenticated()
@Controller('accounts/:accountId/users')
export class ChimeUsersController {
  constructor(private readonly chime: ChimeUsersService) {}

  @Post(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'LogoutUser', description: 'Logs out the specified user from all of the devices they are currently logged into.' })
  @ApiNoContentResponse({ description: 'The user\'s sessions have ended (empty body).' })
  async logoutUser(@CurrentActor() actor: Actor, @Param() params: ChimeUserParamsDto, @Query() _query: LogoutUserQueryDto): Promise<void> {
    await this.chime.logout(actor, params.accountId, params.userId);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'GetUser', description: 'Retrieves details for the specified user ID.' })
  @ApiOkResponse({ type: GetUserResponseDto })
  async getUser(@CurrentActor() actor: Actor, @Param() params: ChimeUserParamsDto): Promise<GetUserResponseDto> {
    return mapGetUser(await this.chime.getUser(actor, params.accountId, params.userId));
  }

  @Get()
  @ApiOperation({ summary: 'ListUsers', description: 'Lists the users that belong to the specified Amazon Chime account.' })
  @ApiOkResponse({ type: ListUsersResponseDto })
  async listUsers(@CurrentActor() actor: Actor, @Param() params: ChimeAccountParamsDto, @Query() query: ListUsersQueryDto): Promise<ListUsersResponseDto> {
    const limit = query['max-results'] === undefined ? 100 : Number(query['max-results']);
    return mapListUsers(await this.chime.listUsers(actor, params.accountId, { limit, cursor: query['next-token'], email: query['user-email'], type: query['user-type'] }));
  }
}
