import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service.js';

/** argon2id hashing; verifying against a dummy hash for unknown users keeps timing uniform. */
@Injectable()
export class PasswordService implements OnModuleInit {
  private dummyHash = '';

  constructor(private readonly config: AppConfigService) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('not-a-real-password-for-timing-only');
  }

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: Algorithm.Argon2id,
      memoryCost: this.config.get('ARGON2_MEMORY_KIB'),
      timeCost: this.config.get('ARGON2_ITERATIONS'),
      parallelism: 1,
    });
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await verify(passwordHash ?? this.dummyHash, password);
      return ok && passwordHash !== null;
    } catch {
      return false;
    }
  }
}
