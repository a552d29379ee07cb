import { EnvironmentVariables } from '../config/env.validation.js';

// Read when the modules are declared (routes are mounted then); the defaults are the settings' own.
const defaults = new EnvironmentVariables();

/** Where each dialect is mounted; an empty prefix mounts it at the root (drop-in deployment). */
export const COMPAT_PREFIXES = {
  rocketchat: process.env.COMPAT_ROCKETCHAT_PREFIX ?? defaults.COMPAT_ROCKETCHAT_PREFIX,
  uberall: process.env.COMPAT_UBERALL_PREFIX ?? defaults.COMPAT_UBERALL_PREFIX,
  zap: process.env.COMPAT_ZAP_PREFIX ?? defaults.COMPAT_ZAP_PREFIX,
  ras: process.env.COMPAT_RAS_PREFIX ?? defaults.COMPAT_RAS_PREFIX,
  chime: process.env.COMPAT_CHIME_PREFIX ?? defaults.COMPAT_CHIME_PREFIX,
};
