export { SessionServiceClient } from './client.js';
export type { ClientStats } from './client.js';
export type { ActiveValidation, InactiveValidation, SessionClientOptions, Validation } from './types.js';
export { bearerToken } from './bearer.js';
