import { IsIn, IsOptional, IsString, Length } from 'class-validator';

/** RFC 7662 §2.1 / RFC 7009 §2.1 request (form-encoded or JSON). */
export class TokenRequestDto {
  @IsString()
  @Length(1, 512)
  token: string;

  /** Accepted and validated as RFC 7009 §2.1 defines it; the lookup covers both kinds in one query. */
  @IsOptional()
  @IsIn(['access_token', 'refresh_token'])
  token_type_hint?: 'access_token' | 'refresh_token';
}

/** RFC 7662 §2.2: only `active` when the token is not live (or not of the caller's account). */
export class IntrospectionResponseDto {
  active: boolean;
  token_type?: 'Bearer';
  /** User id. */
  sub?: string;
  username?: string;
  /** Expiry of the access token, seconds since the epoch. */
  exp?: number;
  /** Session id. */
  sid?: string;
  account_id?: string;
  /** Space-separated permissions. */
  scope?: string;
  client_id?: string;
}
