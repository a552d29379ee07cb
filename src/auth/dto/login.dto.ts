import { IsDefined, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

/** A rule checked only once the field is there: a missing field gets only its "required" problem. */
const given = { validateIf: (_: object, value: unknown) => value !== undefined };
const LOGIN_REQUIRED = 'username or email is required (send one of them)';

export class LoginDto {
  /** Username or email; one of `username` and `email` is required. */
  @ValidateIf((o: LoginDto) => o.email === undefined)
  @IsDefined({ message: LOGIN_REQUIRED })
  @IsString(given)
  @Length(1, 254, given)
  username?: string;

  /** Email or username (the same lookup); one of `username` and `email` is required. */
  @ValidateIf((o: LoginDto) => o.username === undefined)
  @IsDefined({ message: LOGIN_REQUIRED })
  @IsString(given)
  @Length(1, 254, given)
  email?: string;

  @IsDefined({ message: 'password is required' })
  @IsString(given)
  @Length(1, 1024, given)
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
