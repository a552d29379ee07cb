import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from './env.validation.js';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  get<K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] {
    return this.config.get(key, { infer: true });
  }

  get tokens() {
    return {
      accessTtlSeconds: this.get('ACCESS_TOKEN_TTL'),
      absoluteTtlSeconds: this.get('SESSION_ABSOLUTE_TTL'),
      idleTtlSeconds: this.get('SESSION_IDLE_TTL'),
    };
  }
}
