import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { UserPage, UserView } from '../../../users/users.service.js';

/** `/accounts/{accountId}/users/{userId}`: both are UUIDs here (the SDK validates nothing, so we do). */
export class ChimeUserParamsDto {
  /** The account of the access key that signs the request. */
  @IsUUID()
  accountId: string;

  @IsUUID()
  userId: string;
}

/** `/accounts/{accountId}/users`: the account of the access key that signs the request. */
export class ChimeAccountParamsDto {
  @IsUUID()
  accountId: string;
}

/** ListUsers' query, as the AWS SDK sends it (`ListUsersCommand`). */
export class ListUsersQueryDto {
  /** Only the user with this email address (case-insensitive). */
  @ApiPropertyOptional({ name: 'user-email' })
  @IsOptional()
  @IsString()
  @Length(1, 320)
  'user-email'?: string;

  /** Every user here is a `PrivateUser`; `SharedDevice` lists none. */
  @ApiPropertyOptional({ name: 'user-type', enum: ['PrivateUser', 'SharedDevice'] })
  @IsOptional()
  @IsIn(['PrivateUser', 'SharedDevice'])
  'user-type'?: 'PrivateUser' | 'SharedDevice';

  /** Users per page, 1–200 (Chime's limits); 100 when absent. */
  @ApiPropertyOptional({ name: 'max-results', minimum: 1, maximum: 200 })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|1\d\d|200)$/, { message: 'max-results must be an integer from 1 to 200' })
  'max-results'?: string;

  /** The `NextToken` of the previous page. */
  @ApiPropertyOptional({ name: 'next-token' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  'next-token'?: string;
}

/** LogoutUser is `POST …/users/{userId}?operation=logout`; other operations on that path are not offered. */
export class LogoutUserQueryDto {
  @IsIn(['logout'])
  operation: 'logout';
}

/** The user as Chime's GetUser describes one. */
export class ChimeUserDto {
  UserId: string;
  AccountId: string;
  PrimaryEmail: string;
  DisplayName: string;
  /** Always "Registered": every user here can log in. */
  @ApiProperty({ enum: ['Registered'] })
  UserRegistrationStatus: 'Registered';
  @ApiProperty({ enum: ['PrivateUser'] })
  UserType: 'PrivateUser';
  /** When the user was created (ISO 8601). */
  RegisteredOn: string;
}

export class GetUserResponseDto {
  User: ChimeUserDto;
}

export class ListUsersResponseDto {
  Users: ChimeUserDto[];
  /** Present when there are more users: pass it back as `next-token`. */
  @ApiPropertyOptional()
  NextToken?: string;
}

const chimeUser = (u: UserView): ChimeUserDto => ({
  UserId: u.id,
  AccountId: u.accountId,
  PrimaryEmail: u.email,
  DisplayName: u.username,
  UserRegistrationStatus: 'Registered',
  UserType: 'PrivateUser',
  RegisteredOn: new Date(u.createdAt).toISOString(),
});

export const mapGetUser = (u: UserView): GetUserResponseDto => ({ User: chimeUser(u) });

export const mapListUsers = (page: UserPage): ListUsersResponseDto => ({
  Users: page.items.map(chimeUser),
  ...(page.nextCursor ? { NextToken: page.nextCursor } : {}),
});

export const CHIME_ERROR_CODES = ['BadRequest', 'Conflict', 'Unauthorized', 'Forbidden', 'NotFound', 'Throttled', 'ServiceFailure', 'ServiceUnavailable'] as const;
export type ChimeErrorCode = (typeof CHIME_ERROR_CODES)[number];

/** Chime's error body; the SDK picks the exception class from the `x-amzn-ErrorType` header. */
export class ChimeErrorDto {
  @ApiProperty({ enum: CHIME_ERROR_CODES })
  Code: ChimeErrorCode;
  Message: string;
}
