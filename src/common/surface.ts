/** The API dialects through which a request arrives; recorded on sessions and audit events. */
export const SURFACES = ['native', 'rocketchat', 'uberall', 'zap', 'ras', 'chime', 'system'] as const;
export type Surface = (typeof SURFACES)[number];
