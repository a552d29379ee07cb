import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { AccountView } from '../accounts.service.js';

export class AccountDto {
  id: string;
  name: string;
  isDefault: boolean;
  /** While set, the retention job keeps every audit event of the account. */
  legalHold: boolean;
  createdAt: Date;
}

export const mapAccount = (a: AccountView): AccountDto => ({ ...a });

export class CreateAccountDto {
  @IsString()
  @Length(1, 200)
  name: string;
}

export class AccountIdParamDto {
  @IsUUID()
  id: string;
}

export class UpdateAccountDto {
  /** While true, the retention job keeps every audit event of the account (audited when changed). */
  @IsBoolean()
  legalHold: boolean;
}
