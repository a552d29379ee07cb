import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { DryRunQueryDto, ForcedLogoutDto, mapReceipt, mapSession, RevocationReceiptDto, SessionDto } from '../sessions/dto/session.dto.js';
import { RevocationService } from '../sessions/revocation.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { CreateUserDto, ListUsersQueryDto, mapUser, SetRolesDto, UpdateUserDto, UserDto, UserIdParamDto, UserPageDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { StepUpResponse } from '../policy/step-up.decorator.js';

@ApiTags('users')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed id, query or body, or unknown fields' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such user in your account' })
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
  ) {}

  /** Create a user in your account (or, as the system admin, in another); roles default to `user`. */
  @Post()
  @Authenticated(PERMISSIONS.usersManage)
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Username or email taken' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'accountId names no account, or another account and you lack accounts.manage' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return mapUser(await this.users.create(actor, dto));
  }

  /**
   * The users of your account (or of accountId), oldest first, keyset-paginated; `q` keeps those whose
   * username or email starts with it (case-insensitive, indexed).
   */
  @Get()
  @Authenticated(PERMISSIONS.usersManage)
  @ApiOkResponse({ type: UserPageDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'accountId is another account and you lack accounts.manage (answered as if it did not exist); an accountId that names no account lists no users',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = await this.users.list(actor, query.limit ?? 50, query.cursor, query.accountId, { prefix: query.q });
    return { items: page.items.map(mapUser), nextCursor: page.nextCursor };
  }

  /** One user: yourself, or anyone in your account with users.manage. */
  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: UserDto })
  async get(@CurrentActor() actor: Actor, @Param() params: UserIdParamDto): Promise<UserDto> {
    return mapUser(await this.users.get(actor, params.id));
  }

  /**
   * Change email, password or status; disabling a user ends all their sessions, and so does an
   * admin's reset of their password. One's own password changes with POST /v1/auth/password (400 here).
   */
  @Patch(':id')
  @StepUpResponse()
  @Authenticated()
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Email taken by another user (case-insensitive)' })
  async update(@CurrentActor() actor: Actor, @Param() params: UserIdParamDto, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return mapUser(await this.users.update(actor, params.id, dto));
  }

  /** Replace the user's roles (every role you grant must hold no permission you lack); applies to live tokens at once. */
  @Put(':id/roles')
  @Authenticated(PERMISSIONS.usersManage)
  @ApiOkResponse({ type: UserDto })
  async setRoles(@CurrentActor() actor: Actor, @Param() params: UserIdParamDto, @Body() dto: SetRolesDto): Promise<UserDto> {
    return mapUser(await this.users.setRoles(actor, params.id, dto.roles));
  }

  /** A user's live sessions (someone else's need sessions.read-any). */
  @Get(':id/sessions')
  @Authenticated()
  @ApiOkResponse({ type: [SessionDto] })
  async sessionsOf(@CurrentActor() actor: Actor, @Param() params: UserIdParamDto): Promise<SessionDto[]> {
    return (await this.sessions.listForUser(actor, params.id)).map(mapSession);
  }

  /** Forced logout: end every session of the user (sessions.revoke-any); answers with a receipt. */
  @Post(':id/logout')
  @HttpCode(200)
  @StepUpResponse()
  @Authenticated()
  @ApiOkResponse({ type: RevocationReceiptDto })
  // Every field is optional, so is the body.
  @ApiBody({ type: ForcedLogoutDto, required: false })
  async logout(
    @CurrentActor() actor: Actor,
    @Param() params: UserIdParamDto,
    @Query() query: DryRunQueryDto,
    @Body() dto: ForcedLogoutDto,
  ): Promise<RevocationReceiptDto> {
    return mapReceipt(await this.revocation.revoke(actor, { kind: 'user', userId: params.id }, { ...dto, dryRun: query.dryRun }));
  }
}
