import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { CreateRoleDto, mapRole, RoleDto } from './dto/role.dto.js';
import { PERMISSIONS } from './permissions.js';
import { RolesService } from './roles.service.js';

@ApiTags('roles')
@Controller('v1/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  /** Built-in roles and the account's own. */
  @Get()
  @Authenticated(PERMISSIONS.usersManage)
  @ApiOkResponse({ type: [RoleDto] })
  async list(@CurrentActor() actor: Actor): Promise<RoleDto[]> {
    return (await this.roles.list(actor)).map(mapRole);
  }

  /** A custom role for the caller's account. */
  @Post()
  @Authenticated(PERMISSIONS.usersManage)
  @ApiCreatedResponse({ type: RoleDto })
  // Only this route takes input: the listing above cannot answer 400.
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed body, unknown fields or an unknown permission' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A role with that name exists' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateRoleDto): Promise<RoleDto> {
    return mapRole(await this.roles.create(actor, dto.name, dto.permissions));
  }
}
