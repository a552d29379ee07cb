/** Where each dialect is mounted; an empty prefix mounts it at the root (drop-in deployment). */
export const COMPAT_PREFIXES = {
  rocketchat: process.env.COMPAT_ROCKETCHAT_PREFIX ?? '/compat/rocketchat',
  uberall: process.env.COMPAT_UBERALL_PREFIX ?? '/compat/uberall',
  zap: process.env.COMPAT_ZAP_PREFIX ?? '/compat/zap',
  ras: process.env.COMPAT_RAS_PREFIX ?? '/compat/ras',
  chime: process.env.COMPAT_CHIME_PREFIX ?? '/compat/chime',
};
