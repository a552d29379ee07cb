import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

export class LoginDto {
  /** Username or email; one of `username` and `email` is required. */
  @ValidateIf((o: LoginDto) => o.email === undefined)
  @IsString()
  @Length(1, 254)
  username?: string;

  /** Email or username (the same lookup). */
  @ValidateIf((o: LoginDto) => o.username === undefined)
  @IsString()
  @Length(1, 254)
  email?: string;

  @IsString()
  @Length(1, 1024)
  password: string;

  /** Push token of the device, 1 to 4096 characters (only its SHA-256 is kept); a ZAP-style logout can end the sessions bound to it. */
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  deviceToken?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  deviceName?: string;
}

export class RefreshDto {
  @IsString()
  @Length(1, 512)
  refreshToken: string;
}

export class LogoutQueryDto {
  /** local: this session; others: every other session of mine; global: all my sessions. */
  @IsOptional()
  @IsIn(['local', 'others', 'global'])
  scope?: 'local' | 'others' | 'global';
}

export class TokenResponseDto {
  accessToken: string;
  refreshToken: string;
  /** Always "Bearer". */
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  sessionId: string;
  userId: string;
}
