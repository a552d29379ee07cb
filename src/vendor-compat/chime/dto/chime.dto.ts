import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { UserView } from '../../../users/users.service.js';

/** `/accounts/{accountId}/users/{userId}`: both are UUIDs here (the SDK validates nothing, so we do). */
export class ChimeUserParamsDto {
  /** The account of the access key that signs the request. */
  @IsUUID()
  accountId: string;

  @IsUUID()
  userId: string;
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

export const mapGetUser = (u: UserView): GetUserResponseDto => ({
  User: {
    UserId: u.id,
    AccountId: u.accountId,
    PrimaryEmail: u.email,
    DisplayName: u.username,
    UserRegistrationStatus: 'Registered',
    UserType: 'PrivateUser',
    RegisteredOn: new Date(u.createdAt).toISOString(),
  },
});

export const CHIME_ERROR_CODES = ['BadRequest', 'Conflict', 'Unauthorized', 'Forbidden', 'NotFound', 'Throttled', 'ServiceFailure', 'ServiceUnavailable'] as const;
export type ChimeErrorCode = (typeof CHIME_ERROR_CODES)[number];

/** Chime's error body; the SDK picks the exception class from the `x-amzn-ErrorType` header. */
export class ChimeErrorDto {
  @ApiProperty({ enum: CHIME_ERROR_CODES })
  Code: ChimeErrorCode;
  Message: string;
}
