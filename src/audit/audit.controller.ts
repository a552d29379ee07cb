import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { Actor, CurrentActor } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditRetentionService } from './audit-retention.service.js';
import { AuditSummaryService } from './audit-summary.service.js';
import { AuditVerifyService } from './audit-verify.service.js';
import { AuditCheckpointDto, AuditCheckpointIdParamDto, AuditCheckpointListDto, CreateAuditCheckpointsDto } from './dto/audit-checkpoint.dto.js';
import { AuditEventDetailDto, AuditEventIdParamDto, AuditEventPageDto, AuditListQueryDto } from './dto/audit-event.dto.js';
import { AuditExportQueryDto } from './dto/audit-export.dto.js';
import { AuditRetentionResultDto } from './dto/audit-retention.dto.js';
import { AuditSummaryDto, AuditSummaryQueryDto } from './dto/audit-summary.dto.js';
import { AuditVerifyQueryDto, AuditVerifyResultDto } from './dto/audit-verify.dto.js';

/**
 * What a 404 means on the account-scoped readings. An account that does not exist is not one: the
 * filter simply matches nothing (a system admin gets an empty answer), so only the refusal is documented.
 */
const OTHER_ACCOUNT =
  'The account named is another account and you lack accounts.manage (answered as if it did not exist). ' +
  'An account id that names no account is not an error: nothing matches.';

/** Every reading route: audit.read, and the same two refusals documented. */
const AuditRead = (notFound = OTHER_ACCOUNT) =>
  applyDecorators(
    Authenticated(PERMISSIONS.auditRead),
    ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid filter, range or cursor' }),
    ApiNotFoundResponse({ type: ErrorResponseDto, description: notFound }),
  );

/** A reading route with an account filter, whose `none` also asks for accounts.manage (replaces Authenticated's 403). */
const AuditReadByAccount = (notFound = OTHER_ACCOUNT) =>
  applyDecorators(
    AuditRead(notFound),
    ApiForbiddenResponse({
      type: ErrorResponseDto,
      description: `Requires the ${PERMISSIONS.auditRead} permission; \`none\` (the events that belong to no account) also requires ${PERMISSIONS.accountsManage}`,
    }),
  );

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly exporter: AuditExportService,
    private readonly summaries: AuditSummaryService,
    private readonly verifier: AuditVerifyService,
    private readonly retention: AuditRetentionService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  /** One audit event with every session id it recorded (listings show the first 20) and, per receiver, its deliveries. */
  @Get('events/:id')
  @AuditRead('No such event in your account (another account\'s event, without accounts.manage, is answered the same)')
  @ApiOkResponse({ type: AuditEventDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: AuditEventIdParamDto): Promise<AuditEventDetailDto> {
    return this.query.get(actor, params.id);
  }

  /** Audit events of the account (or of no account), newest first, filtered, keyset-paginated. */
  @Get('events')
  @AuditReadByAccount()
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: AuditListQueryDto): Promise<AuditEventPageDto> {
    const { limit, cursor, ...filter } = q;
    return this.query.list(actor, filter, limit ?? 50, cursor);
  }

  /**
   * The filtered events as a download (newest first), streamed in batches: CSV (one row per event,
   * formula-safe) or NDJSON (one AuditEvent per line).
   */
  @Get('events/export')
  @AuditReadByAccount()
  // The download's media types on the 200 alone (not @ApiProduces, which would list the JSON errors as CSV too).
  @ApiOkResponse({
    description: 'Attachment audit-events.csv or audit-events.ndjson',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } }, 'application/x-ndjson': { schema: { type: 'string', format: 'binary' } } },
  })
  export(@CurrentActor() actor: Actor, @Query() q: AuditExportQueryDto): Promise<StreamableFile> {
    return this.exporter.export(actor, q);
  }

  /** Forced logouts (not dry runs) per UTC day, per actor and per surface; the last 30 days by default. */
  @Get('summary')
  @AuditReadByAccount()
  @ApiOkResponse({ type: AuditSummaryDto })
  summary(@CurrentActor() actor: Actor, @Query() q: AuditSummaryQueryDto): Promise<AuditSummaryDto> {
    return this.summaries.summary(actor, q);
  }

  /**
   * Recomputes the account's hash chains (or those of the events of no account) over the range and
   * reports the first event that was altered, removed or replaced; given a signed checkpoint (by value,
   * by id, or the newest of each chain in the directory sink), also whether the chain was rewritten or
   * truncated since. A checkpoint the service did not sign is refused (400).
   */
  @Get('verify')
  @AuditReadByAccount()
  @ApiOkResponse({ type: AuditVerifyResultDto })
  verify(@CurrentActor() actor: Actor, @Query() q: AuditVerifyQueryDto): Promise<AuditVerifyResultDto> {
    return this.verifier.verify(actor, q);
  }

  /**
   * Signs a checkpoint of each of the account's chains that moved since its last one, writes it to the
   * sinks, and answers the newest checkpoint of every chain of the account.
   */
  @Post('checkpoints')
  @AuditReadByAccount()
  @ApiCreatedResponse({ type: AuditCheckpointListDto })
  createCheckpoints(@CurrentActor() actor: Actor, @Body() body: CreateAuditCheckpointsDto): Promise<AuditCheckpointListDto> {
    return this.checkpoints.create(actor, body);
  }

  /** One checkpoint, as signed, with its delivery to the HTTP sink. */
  @Get('checkpoints/:id')
  @AuditRead("No such checkpoint in your account (another account's, without accounts.manage, is answered the same)")
  @ApiOkResponse({ type: AuditCheckpointDto })
  getCheckpoint(@CurrentActor() actor: Actor, @Param() params: AuditCheckpointIdParamDto): Promise<AuditCheckpointDto> {
    return this.checkpoints.get(actor, params.id);
  }

  /** Runs the retention job now (system admin): answers what it removed. The job also runs on its own every few hours. */
  @Post('retention/run')
  @HttpCode(200)
  @Authenticated(PERMISSIONS.accountsManage)
  @ApiOkResponse({ type: AuditRetentionResultDto })
  runRetention(@CurrentActor() actor: Actor): Promise<AuditRetentionResultDto> {
    return this.retention.run(actor);
  }
}
