import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service.js';
import { UrlPolicy } from '../delivery/safe-http.js';

/** The receiver settings every part of the module reads. */
@Injectable()
export class ReceiverConfig {
  constructor(private readonly config: AppConfigService) {}

  /** The issuer of every signed event, without a trailing slash. */
  get issuer(): string {
    return (this.config.get('ISSUER_URL') ?? `http://localhost:${this.config.get('PORT')}`).replace(/\/+$/, '');
  }

  get urlPolicy(): UrlPolicy {
    return { allowInsecure: this.config.get('RECEIVERS_ALLOW_INSECURE'), allowPrivate: this.config.get('RECEIVERS_ALLOW_PRIVATE') };
  }

  get pollMaxWaitMs(): number {
    return this.config.get('SSF_POLL_MAX_WAIT_MS');
  }

  get timeoutMs(): number {
    return this.config.get('DELIVERY_TIMEOUT_MS');
  }
}
