import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { SessionExpirySweepService } from './session-expiry-sweep.service.js';
import { SessionPolicyController } from './session-policy.controller.js';
import { SessionPolicyService } from './session-policy.service.js';
import { StepUpService } from './step-up.service.js';

/**
 * The session policy: its API, the step-up check the revocation path and user changes call, and the
 * expiry sweep. Below sessions (it needs nothing of them), so the sessions module can import it.
 */
@Module({
  imports: [PermissionsModule],
  controllers: [SessionPolicyController],
  providers: [StepUpService, SessionPolicyService, SessionExpirySweepService],
  exports: [StepUpService, SessionExpirySweepService],
})
export class PolicyModule {}
