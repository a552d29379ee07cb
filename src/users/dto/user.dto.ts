import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { UserView } from '../users.service.js';

export class UserDto {
  id: string;
  accountId: string;
  username: string;
  email: string;
  status: 'active' | 'disabled';
  roles: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const mapUser = (u: UserView): UserDto => ({ ...u });

export class UserPageDto {
  items: UserDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export class CreateUserDto {
  /** 3–64 characters: letters, digits, dot, dash, underscore. */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3-64 letters, digits, dots, dashes or underscores' })
  username: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @Length(12, 1024)
  password: string;

  /** Role names; defaults to ["user"]. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  roles?: string[];

  /** Another account (system admin only); defaults to the caller's. */
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  /**
   * An admin's reset of another user's password (ends that user's sessions). Not for one's own: that
   * is 400, use POST /v1/auth/password, which needs the current password.
   */
  @IsOptional()
  @IsString()
  @Length(12, 1024)
  password?: string;

  /** Disabling ends every session of the user. */
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}

export class SetRolesDto {
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  roles: string[];
}

export class ListUsersQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** System admin only: list another account. */
  @IsOptional()
  @IsUUID()
  accountId?: string;

  /** People search: users whose username or email starts with this text (case-insensitive). */
  @IsOptional()
  @IsString()
  @Length(1, 254)
  q?: string;
}

export class UserIdParamDto {
  @IsUUID()
  id: string;
}
