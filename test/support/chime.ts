import type { ChimeServiceException } from '@aws-sdk/client-chime';

/** An access key pair as POST /v1/accounts/{id}/access-keys answers it. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The promise's rejection (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<ChimeServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as ChimeServiceException;
  }
  throw new Error('expected the call to fail');
}
