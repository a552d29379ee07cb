import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { DryRunQueryDto, mapReceipt, RevocationReceiptDto } from '../sessions/dto/session.dto.js';
import { AccountsService } from './accounts.service.js';
import { AccountLogoutDto } from './dto/account-logout.dto.js';
import { AccountDto, AccountIdParamDto, CreateAccountDto, mapAccount, UpdateAccountDto } from './dto/account.dto.js';
import { StepUpResponse } from '../policy/step-up.decorator.js';

/** On every route but the listing, which takes no input. */
const BadInput = () => ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed id, query or body, or unknown fields' });

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Create an account (tenant); system admin only. */
  @Post()
  @BadInput()
  @Authenticated(PERMISSIONS.accountsManage)
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Name taken' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    return mapAccount(await this.accounts.create(actor, dto.name));
  }

  /** Every account (system admin only). */
  @Get()
  @Authenticated(PERMISSIONS.accountsManage)
  @ApiOkResponse({ type: [AccountDto] })
  async list(@CurrentActor() actor: Actor): Promise<AccountDto[]> {
    return (await this.accounts.list(actor)).map(mapAccount);
  }

  /** Set or lift the account's legal hold (system admin; audited): while held, retention keeps all its audit events. */
  @Patch(':id')
  @BadInput()
  @Authenticated(PERMISSIONS.accountsManage)
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async update(@CurrentActor() actor: Actor, @Param() params: AccountIdParamDto, @Body() dto: UpdateAccountDto): Promise<AccountDto> {
    return mapAccount(await this.accounts.setLegalHold(actor, params.id, dto.legalHold));
  }

  /** Account-wide forced logout: every session of every user in the account but the caller's. */
  @Post(':id/logout')
  @BadInput()
  @HttpCode(200)
  @StepUpResponse()
  @Authenticated(PERMISSIONS.sessionsRevokeAccount, { deniedAs: 'session.forced_logout' })
  @ApiOkResponse({ type: RevocationReceiptDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async logout(
    @CurrentActor() actor: Actor,
    @Param() params: AccountIdParamDto,
    @Query() query: DryRunQueryDto,
    @Body() dto: AccountLogoutDto,
  ): Promise<RevocationReceiptDto> {
    return mapReceipt(await this.accounts.logoutAll(actor, params.id, { ...dto, dryRun: query.dryRun }));
  }
}
