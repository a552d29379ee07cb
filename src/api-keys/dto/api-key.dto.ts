import { IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { ApiKeyView } from '../api-keys.service.js';

export class ApiKeyDto {
  id: string;
  accountId: string;
  name: string;
  /** First characters of the key, to tell keys apart. */
  prefix: string;
  /** Where Uberall-style clients are sent after logout. */
  redirectUrl: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const mapApiKey = (k: ApiKeyView): ApiKeyDto => ({ ...k });

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The key itself: shown once, stored only as a hash. */
  apiKey: string;
}

export class CreateApiKeyDto {
  @IsString()
  @Length(1, 100)
  name: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  @MaxLength(2000)
  redirectUrl?: string;
}

export class ApiKeyIdParamDto {
  @IsUUID()
  id: string;
}
