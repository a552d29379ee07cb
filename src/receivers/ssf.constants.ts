/** Event type and delivery method identifiers of the standards this module speaks. */
export const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';
export const SSF_VERIFICATION = 'https://schemas.openid.net/secevent/ssf/event-type/verification';
export const BACKCHANNEL_LOGOUT = 'http://schemas.openid.net/event/backchannel-logout';
/** RFC 8935 push and RFC 8936 poll delivery. */
export const PUSH_METHOD = 'urn:ietf:rfc:8935';
export const POLL_METHOD = 'urn:ietf:rfc:8936';
export const EVENTS_SUPPORTED = [SESSION_REVOKED] as const;
/** Subject identifier formats (RFC 9493, SSF complex) a stream may ask for its user subjects in. */
export const SUBJECT_FORMATS = ['complex', 'iss_sub', 'opaque', 'email'] as const;
export type SubjectFormat = (typeof SUBJECT_FORMATS)[number];

/** Destination kinds in the delivery core. */
export const RECEIVER_KINDS = { ssfPush: 'ssf_push', ssfPoll: 'ssf_poll', backchannel: 'backchannel' } as const;

/** How long a logout token is good for after it is signed (OIDC Back-Channel Logout recommends at most two minutes). */
export const LOGOUT_TOKEN_TTL_SECONDS = 120;
