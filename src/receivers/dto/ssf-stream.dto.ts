import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { POLL_METHOD, PUSH_METHOD, SUBJECT_FORMATS } from '../ssf.constants.js';

/** How SETs reach the receiver (SSF 1.0 §6.1): pushed to its endpoint (RFC 8935) or polled by it (RFC 8936). */
export class StreamDeliveryDto {
  /** urn:ietf:rfc:8935 (push) or urn:ietf:rfc:8936 (poll). */
  @IsIn([PUSH_METHOD, POLL_METHOD])
  method: string;

  /** Push: the receiver's https endpoint (required). Poll: assigned by the transmitter, ignored here. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  endpoint_url?: string;

  /** Push: the Authorization header value sent with every SET (stored encrypted, never shown again). */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  authorization_header?: string;
}

/** Transmitter-supplied fields a receiver may echo back on update (ignored). */
class EchoedStreamFields {
  @IsOptional() @IsString() iss?: string;
  @IsOptional() @IsString() aud?: string;
  @IsOptional() @IsArray() events_supported?: string[];
  @IsOptional() @IsArray() events_delivered?: string[];
  @IsOptional() @IsInt() min_verification_interval?: number;
}

export class CreateStreamDto extends EchoedStreamFields {
  @ValidateNested()
  @Type(() => StreamDeliveryDto)
  delivery: StreamDeliveryDto;

  /** Event types wanted; only session-revoked is supported (events_delivered is the intersection). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  events_requested?: string[];

  /** The Subject Identifier Format for user subjects: complex (default), iss_sub, opaque or email. */
  @IsOptional()
  @IsIn(SUBJECT_FORMATS)
  format?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** What an update may change: any field of a creation (each optional), naming the stream. */
export class UpdateStreamDto extends PartialType(CreateStreamDto) {
  @IsUUID(undefined, { message: 'stream_id must be a stream id' })
  stream_id: string;
}

export class StreamIdQueryDto {
  @IsOptional()
  @IsUUID(undefined, { message: 'stream_id must be a stream id' })
  stream_id?: string;
}

export class RequiredStreamIdQueryDto {
  @IsUUID(undefined, { message: 'stream_id must be a stream id' })
  stream_id: string;
}

export class UpdateStreamStatusDto {
  @IsUUID(undefined, { message: 'stream_id must be a stream id' })
  stream_id: string;

  @IsIn(['enabled', 'paused', 'disabled'])
  status: 'enabled' | 'paused' | 'disabled';

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class StreamSubjectDto {
  @IsUUID(undefined, { message: 'stream_id must be a stream id' })
  stream_id: string;

  /** A subject identifier (RFC 9493: opaque with the user id, iss_sub, email; or complex with a `user` member). */
  @IsObject()
  subject: Record<string, unknown>;

  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class VerifyStreamDto {
  @IsUUID(undefined, { message: 'stream_id must be a stream id' })
  stream_id: string;

  /** Echoed in the verification event. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  state?: string;
}

/** The most SETs one poll may acknowledge (`ack`) or refuse (`setErrs`). */
export const MAX_ACKS = 1000;

/** RFC 8936 poll request. */
export class PollRequestDto {
  /** jti of SETs received and processed. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000) // MAX_ACKS, written out: the Swagger plugin reads literals only
  @IsUUID(undefined, { each: true })
  ack?: string[];

  /** jti → {err, description} of SETs the receiver refused (at most 1,000, as for ack; more is a 400). */
  @IsOptional()
  @IsObject()
  setErrs?: Record<string, { err?: string; description?: string }>;

  /** Most SETs in the answer (default 100); 0 only acknowledges, and answers at once. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  maxEvents?: number;

  /**
   * true: answer at once, even with nothing pending (short polling). Default false (RFC 8936 §2.4):
   * with nothing pending the request is held until an event for the stream commits, at most
   * SSF_POLL_MAX_WAIT_MS, then answered (empty if none came).
   */
  @IsOptional()
  @IsBoolean()
  returnImmediately?: boolean;
}

export class StreamDeliveryViewDto {
  method: string;
  endpoint_url: string | null;
}

export class StreamConfigurationDto {
  stream_id: string;
  iss: string;
  aud: string;
  events_supported: string[];
  events_requested: string[];
  events_delivered: string[];
  delivery: StreamDeliveryViewDto;
  format: string;
  description: string | null;
  min_verification_interval: number;
}

export class StreamStatusDto {
  stream_id: string;
  status: string;
  reason?: string;
}

export class PollResponseDto {
  /** jti → SET. */
  sets: Record<string, string>;
  moreAvailable: boolean;
}

export class TransmitterMetadataDto {
  spec_version: string;
  issuer: string;
  jwks_uri: string;
  delivery_methods_supported: string[];
  configuration_endpoint: string;
  status_endpoint: string;
  add_subject_endpoint: string;
  remove_subject_endpoint: string;
  verification_endpoint: string;
  critical_subject_members: string[];
  default_subjects: string;
  authorization_schemes: { spec_urn: string }[];
}

export class JwksDto {
  keys: Record<string, unknown>[];
}
