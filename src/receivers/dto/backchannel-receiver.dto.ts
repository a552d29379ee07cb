import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateBackchannelReceiverDto {
  /** The relying party's client id: the logout token's `aud`. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  clientId: string;

  /** Its registered back-channel logout URI (https; no private addresses unless allowed). */
  @IsString()
  @MaxLength(2000)
  backchannelLogoutUri: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class ReceiverIdParamDto {
  @IsUUID(undefined, { message: 'id must be a receiver id' })
  id: string;
}

export class BackchannelReceiverDto {
  id: string;
  clientId: string;
  backchannelLogoutUri: string;
  status: string;
  description: string | null;
  createdAt: Date;
}

export class SigningKeyRotationDto {
  /** The new active key. */
  kid: string;
  /** Every key now in the JWKS (the new one and the one it replaced). */
  published: string[];
}
