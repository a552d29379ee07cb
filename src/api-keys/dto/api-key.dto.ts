import { IsBoolean, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { ApiKeyView } from '../api-keys.service.js';

export class ApiKeyDto {
  id: string;
  accountId: string;
  name: string;
  /** First characters of the key, to tell keys apart. */
  prefix: string;
  /** Where Uberall-style clients are sent after logout. */
  redirectUrl: string | null;
  /** Whether it has a private key, with which it signs in users of its account (Uberall's `private_key` login). */
  signsInUsers: boolean;
  /**
   * What it was granted: of `sessions.revoke-any` (RFC 7009 revocation of tokens of others), what its
   * creator held. At each use it holds only what of this its creator still holds.
   */
  permissions: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const mapApiKey = (k: ApiKeyView): ApiKeyDto => ({ ...k });

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The key itself: shown once, stored only as a hash. */
  apiKey: string;
  /** Only when created with `signInUsers`: the private key, shown once, stored only as a hash. */
  privateKey?: string;
}

export class CreateApiKeyDto {
  @IsString()
  @Length(1, 100)
  name: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  @MaxLength(2000)
  redirectUrl?: string;

  /**
   * Also issue a private key, with which this client signs in users of the account without their
   * password (Uberall's `POST /users/login` with `private_key`). Off by default; needs users.manage;
   * the key signs in only users holding no permission its creator lacks, and only while its creator
   * holds users.manage (any user, when its creator is the system admin, who holds every power).
   */
  @IsOptional()
  @IsBoolean()
  signInUsers?: boolean;
}

export class ApiKeyIdParamDto {
  @IsUUID()
  id: string;
}
