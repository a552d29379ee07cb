import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decryptSecret, encryptSecret } from '../common/crypto.js';
import { AppConfigService } from '../config/app-config.service.js';

/**
 * The key that encrypts recoverable secrets at rest. From SECRETS_ENCRYPTION_KEY; outside
 * production, generated once into DATA_DIR/secrets.key (mode 0600) so a fresh clone just runs.
 */
@Injectable()
export class SecretsKeyService implements OnModuleInit {
  private readonly logger = new Logger(SecretsKeyService.name);
  private key!: Buffer;

  constructor(private readonly config: AppConfigService) {}

  onModuleInit(): void {
    const configured = this.config.get('SECRETS_ENCRYPTION_KEY');
    if (configured) {
      this.key = Buffer.from(configured, 'base64');
      if (this.key.length !== 32) throw new Error('SECRETS_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
      return;
    }
    if (this.config.get('NODE_ENV') === 'production') throw new Error('SECRETS_ENCRYPTION_KEY is required in production');
    const dir = this.config.get('DATA_DIR');
    const file = join(dir, 'secrets.key');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
      this.logger.warn(`SECRETS_ENCRYPTION_KEY not set: generated a key in ${file} (set the variable in production)`);
    }
    this.key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }

  encrypt(plaintext: string): Buffer {
    return encryptSecret(this.key, plaintext);
  }

  decrypt(blob: Buffer): string {
    return decryptSecret(this.key, blob);
  }
}
