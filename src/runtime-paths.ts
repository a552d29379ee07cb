import { join } from 'node:path';

/** Where the built service's static assets live (the Jest run maps this module to the source tree). */
export const ADMIN_ASSETS_DIR = join(import.meta.dirname, 'admin', 'public');
