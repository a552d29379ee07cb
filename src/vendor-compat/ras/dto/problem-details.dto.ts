import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/**
 * RFC 7807 problem details, as the RAS REST API (ASP.NET Core) writes every error. Named
 * `ProblemDetails` in the OpenAPI document so it matches the vendor's own schema.
 */
@ApiSchema({ name: 'ProblemDetails' })
export class ProblemDetailsDto {
  /** A URI reference identifying the problem type. */
  @ApiProperty({ type: String, nullable: true, required: false })
  type?: string | null;

  /** Short, human-readable summary of the problem type. */
  @ApiProperty({ type: String, nullable: true, required: false })
  title?: string | null;

  /** The HTTP status code, repeated. */
  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, required: false })
  status?: number | null;

  /** What went wrong with this request. */
  @ApiProperty({ type: String, nullable: true, required: false })
  detail?: string | null;

  /** The request path that failed. */
  @ApiProperty({ type: String, nullable: true, required: false })
  instance?: string | null;
}
