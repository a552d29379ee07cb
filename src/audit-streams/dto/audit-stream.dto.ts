import { OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AUDIT_ACTIONS } from '../../audit/audit.types.js';

export const STREAM_KINDS = ['http', 'splunk', 'syslog'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

const PEM = /^-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----\s*$/;

export class CreateAuditStreamDto {
  /** A name for people (unique or not). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** `http`: NDJSON batches signed with HMAC-SHA256; `splunk`: Splunk HTTP Event Collector; `syslog`: RFC 5424 over TCP (TLS by default). */
  @IsIn(STREAM_KINDS)
  kind: StreamKind;

  /** Only these actions (e.g. session.forced_logout); empty or absent: every action. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, { each: true })
  actions?: string[];

  /** A paused stream keeps its events (nothing is sent) until it is enabled again. */
  @IsOptional()
  @IsBoolean()
  paused?: boolean;

  /** http and splunk: the https URL batches are POSTed to (for Splunk, e.g. https://splunk:8088/services/collector/event). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  /** http: the HMAC-SHA256 key (at least 32 characters) batches are signed with. Stored encrypted, never shown. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  @MaxLength(512)
  hmacKey?: string;

  /** splunk: the HEC token (sent as `Authorization: Splunk <token>`). Stored encrypted, never shown. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  splunkToken?: string;

  /** splunk: the index (default: the token's). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,79}$/, { message: 'splunkIndex must be a Splunk index name' })
  splunkIndex?: string;

  /** splunk: `source` of every event (default session-service). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  splunkSource?: string;

  /** splunk: `sourcetype` of every event (default _json). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  splunkSourcetype?: string;

  /** syslog: the collector as host:port (RFC 5425 uses 6514). */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  syslogAddress?: string;

  /** syslog: TLS (default true); plain TCP only where RECEIVERS_ALLOW_INSECURE allows it. */
  @IsOptional()
  @IsBoolean()
  syslogTls?: boolean;

  /** syslog: PEM certificates to trust for the collector instead of the system's CAs. */
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @Matches(PEM, { message: 'syslogCa must be PEM' })
  syslogCa?: string;

  /** syslog: a client certificate (PEM) for a collector that asks for one; with syslogClientKey. */
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @Matches(PEM, { message: 'syslogClientCert must be PEM' })
  syslogClientCert?: string;

  /** syslog: the client certificate's private key (PEM). Stored encrypted, never shown. */
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @Matches(PEM, { message: 'syslogClientKey must be PEM' })
  syslogClientKey?: string;

  /** syslog: the RFC 5424 facility, 0–23 (default 13, log audit). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  syslogFacility?: number;
}

/** Any field of a creation but the kind; a secret given replaces the stored one. */
export class UpdateAuditStreamDto extends PartialType(OmitType(CreateAuditStreamDto, ['kind'] as const)) {}

export class AuditStreamIdParamDto {
  @IsUUID(undefined, { message: 'id must be a stream id' })
  id: string;
}

export class AuditStreamDto {
  id: string;
  name: string;
  kind: string;
  /** enabled or paused. */
  status: string;
  /** The actions streamed; empty: every action. */
  actions: string[];
  url: string | null;
  syslogAddress: string | null;
  splunkIndex: string | null;
  splunkSource: string | null;
  splunkSourcetype: string | null;
  syslogTls: boolean | null;
  syslogFacility: number | null;
  /** Who last configured it: the stream sends only while they hold audit.read and audit.stream. */
  configuredBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class AuditStreamStatusDto {
  id: string;
  status: string;
  /** Events waiting to be sent. */
  pending: number;
  /** Events given up on (older than DELIVERY_MAX_AGE_SECONDS when they failed). */
  failed: number;
  /** When the oldest waiting event was written. */
  oldestPendingAt: Date | null;
  lastDeliveredAt: Date | null;
  /** The last audit event the stream's receiver took. */
  lastDeliveredEventId: string | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}
