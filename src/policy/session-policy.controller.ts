import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { AccountIdParamDto } from '../accounts/dto/account.dto.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { mapSessionPolicy, policyOf, PutSessionPolicyDto, SessionPolicyDto } from './dto/session-policy.dto.js';
import { SessionPolicyService } from './session-policy.service.js';
import { StepUpResponse } from './step-up.decorator.js';

const NoSuchAccount = () => ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such account, or another account and you lack accounts.manage' });
const Needs = () => ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Requires accounts.manage or policy.manage' });

@ApiTags('accounts')
@Controller('v1/accounts')
export class SessionPolicyController {
  constructor(private readonly policies: SessionPolicyService) {}

  /** The account's session policy as set (unset settings are the environment's defaults). */
  @Get(':id/session-policy')
  @Authenticated()
  @Needs()
  @ApiOkResponse({ type: SessionPolicyDto })
  @NoSuchAccount()
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed id or unknown query parameters' })
  async get(@CurrentActor() actor: Actor, @Param() params: AccountIdParamDto): Promise<SessionPolicyDto> {
    return mapSessionPolicy(await this.policies.get(actor, params.id));
  }

  /** Replace the account's session policy (audited with before and after); applies to logins from now on. */
  @Put(':id/session-policy')
  @StepUpResponse()
  @Authenticated()
  @Needs()
  @ApiOkResponse({ type: SessionPolicyDto })
  @NoSuchAccount()
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed id or body, unknown fields, or a role the account does not have' })
  async put(@CurrentActor() actor: Actor, @Param() params: AccountIdParamDto, @Body() dto: PutSessionPolicyDto): Promise<SessionPolicyDto> {
    return mapSessionPolicy(await this.policies.put(actor, params.id, policyOf(dto)));
  }
}
