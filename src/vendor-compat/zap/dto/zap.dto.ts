import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LoginResult } from '../../../auth/auth.service.js';

/** `POST /v1/login`. */
export class ZapLoginDto {
  /** Email or username (phone numbers are not stored by this service). */
  @IsString()
  @Length(1, 254)
  identity: string;

  @IsString()
  @Length(1, 1024)
  password: string;

  /** Push token of this device, up to 4096 characters (only its SHA-256 is kept); `PUT /v1/users/logout/:id` with it ends this session. */
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  deviceToken?: string;
}

/** `PUT /v1/users/logout/:id`. */
export class ZapDeviceLogoutDto {
  /** The device token of the user (up to 4096 characters): the sessions bound to it end and the token is unregistered. */
  @IsString()
  @Length(1, 4096)
  deviceToken: string;
}

export class ZapUserIdParamDto {
  /** The user's id. */
  @IsUUID()
  id: string;
}

export class ZapUserDto {
  _id: string;
  id: string;
  username: string;
  email: string;
  roles: string[];
}

export class ZapLoginDataDto {
  success: boolean;
  data: ZapUserDto;
  /** Send it as `Authorization: Bearer <token>`. */
  token: string;
  refreshToken: string;
}

export class ZapLoginResponseDto {
  success: boolean;
  data: ZapLoginDataDto;
}

export const mapZapLogin = (r: LoginResult): ZapLoginResponseDto => ({
  success: true,
  data: {
    success: true,
    data: { _id: r.user.id, id: r.user.id, username: r.user.username, email: r.user.email, roles: r.user.roles },
    token: r.accessToken,
    refreshToken: r.refreshToken,
  },
});

export class ZapLogoutResponseDto {
  success: boolean;
  /** "Logout Successfull" (the vendor's spelling is the contract). */
  data: string;
}

export const mapZapLogout = (): ZapLogoutResponseDto => ({ success: true, data: 'Logout Successfull' });

export class ZapErrorDto {
  /** Always false. */
  success: boolean;
  message: string;
}
