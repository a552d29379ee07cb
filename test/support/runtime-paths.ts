import { join } from 'node:path';

// Jest runs the source as CommonJS, where import.meta does not exist.
export const ADMIN_ASSETS_DIR = join(__dirname, '..', '..', 'src', 'admin', 'public');
