import { IsString, IsUUID, Matches } from 'class-validator';
import { AccessKeyView } from '../access-keys.service.js';

export class AccessKeyDto {
  accessKeyId: string;
  accountId: string;
  /**
   * What it was granted: of `sessions.read-any` (GetUser, ListUsers) and `sessions.revoke-any`
   * (LogoutUser), what its creator held. At each use it holds only what of this its creator still holds.
   */
  permissions: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const mapAccessKey = (k: AccessKeyView): AccessKeyDto => ({ ...k });

export class CreatedAccessKeyDto extends AccessKeyDto {
  /** Shown once. Stored encrypted, because verifying SigV4 needs it. */
  secretAccessKey: string;
}

export class AccountAccessKeysParamDto {
  @IsUUID()
  accountId: string;
}

export class AccessKeyParamDto extends AccountAccessKeysParamDto {
  @IsString()
  @Matches(/^[A-Z0-9]{16,128}$/)
  accessKeyId: string;
}
