import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { RoleView } from '../roles.service.js';

export class RoleDto {
  id: string;
  name: string;
  permissions: string[];
  builtIn: boolean;
  /** null for built-in roles shared by every account. */
  accountId: string | null;
}

export const mapRole = (r: RoleView): RoleDto => ({ ...r });

export class CreateRoleDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{2,64}$/, { message: 'name must be 2-64 letters, digits, dots, dashes or underscores' })
  name: string;

  /** Permission names (aliases such as logout-other-user accepted). */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  permissions: string[];
}
