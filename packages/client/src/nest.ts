import {
  CanActivate,
  createParamDecorator,
  DynamicModule,
  ExecutionContext,
  Inject,
  Injectable,
  Module,
  OnModuleDestroy,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { bearerToken } from './bearer.js';
import { SessionServiceClient } from './client.js';
import type { ActiveValidation, SessionClientOptions, Validation } from './types.js';

export const SESSION_SERVICE_CLIENT = Symbol('SESSION_SERVICE_CLIENT');

interface RequestWithAuth {
  headers: { authorization?: string };
  auth?: ActiveValidation;
}

/** Lets a request through only with a live bearer token; the answer goes on `request.auth`. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(@Inject(SESSION_SERVICE_CLIENT) private readonly client: SessionServiceClient) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithAuth>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('A bearer token is required');
    const settle = (answer: Validation): boolean => {
      if (answer.active) {
        request.auth = answer;
        return true;
      }
      if (answer.reason === 'unavailable') throw new ServiceUnavailableException('The session service could not be reached');
      throw new UnauthorizedException('The token is not valid');
    };
    const answer = this.client.validate(token);
    return 'then' in answer ? answer.then(settle) : settle(answer);
  }
}

/** The validated session of the request (behind `SessionGuard`). */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<RequestWithAuth>().auth);

@Injectable()
class ClientLifecycle implements OnModuleDestroy {
  constructor(@Inject(SESSION_SERVICE_CLIENT) private readonly client: SessionServiceClient) {}

  onModuleDestroy(): Promise<void> {
    return this.client.close();
  }
}

/** `SessionServiceModule.forRoot({baseUrl, apiKey})`: one client (its stream open) and the guard. */
@Module({})
export class SessionServiceModule {
  static forRoot(options: SessionClientOptions): DynamicModule {
    return {
      module: SessionServiceModule,
      global: true,
      providers: [{ provide: SESSION_SERVICE_CLIENT, useFactory: () => new SessionServiceClient(options).start() }, ClientLifecycle, SessionGuard],
      exports: [SESSION_SERVICE_CLIENT, SessionGuard],
    };
  }
}
