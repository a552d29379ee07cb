import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** An account-wide forced logout must say why. */
export class AccountLogoutDto {
  @IsString()
  @Length(1, 500)
  reason: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  ticket?: string;
}
