import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditEventPageDto, AuditListQueryDto } from './dto/audit-event.dto.js';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly query: AuditQueryService) {}

  /** Audit events of the account, newest first, filtered, keyset-paginated. */
  @Get('events')
  @Authenticated(PERMISSIONS.auditRead)
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: AuditListQueryDto): Promise<AuditEventPageDto> {
    const { limit, cursor, ...filter } = q;
    return this.query.list(actor, filter, limit ?? 50, cursor);
  }
}
