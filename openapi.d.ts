/**
 * Types of the Session Service API, generated from openapi.json by openapi-typescript.
 * Do not edit: `npm run openapi` regenerates this file and openapi.json from the code.
 */

export interface paths {
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with a username or email and a password; opens a session. */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens; a refresh token already used revokes its session. */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session (local), my other sessions (others) or all of them (global). Idempotent. With the
         *     session policy's `endOtherSessionsRequiresReauth`, `others` and `global` need a fresh authentication.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password: needs the current one. Ends every other session of mine in the same
         *     transaction unless `endOtherSessions` is false; this session stays. Audited (user.password_changed).
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/reauthenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove my password again: the session's authentication time becomes now (no new token), for the
         *     actions the session policy puts behind a fresh authentication (RFC 9470 step-up).
         */
        post: operations["AuthController_reauthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is this token still good? Answered from the validated session alone — no database work on a
         *     cached validation — so other services can ask on every request.
         */
        get: operations["AuthController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user, roles, effective permissions and current session. */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My live sessions, newest first. */
        get: operations["SessionsController_listOwn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one session: my own, or any in my account with sessions.revoke-any. Body optional. */
        delete: operations["SessionsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The users of your account (or of accountId), oldest first, keyset-paginated; `q` keeps those whose
         *     username or email starts with it (case-insensitive, indexed).
         */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user in your account (or, as the system admin, in another); roles default to `user`. */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user: yourself, or anyone in your account with users.manage. */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change email, password or status; disabling a user ends all their sessions, and so does an
         *     admin's reset of their password. One's own password changes with POST /v1/auth/password (400 here).
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the user's roles (every role you grant must hold no permission you lack); applies to live tokens at once. */
        put: operations["UsersController_setRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's live sessions (someone else's need sessions.read-any). */
        get: operations["UsersController_sessionsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forced logout: end every session of the user (sessions.revoke-any); answers with a receipt. */
        post: operations["UsersController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in roles and the account's own. */
        get: operations["RolesController_list"];
        put?: never;
        /** A custom role for the caller's account. */
        post: operations["RolesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/session-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's session policy as set (unset settings are the environment's defaults). */
        get: operations["SessionPolicyController_get"];
        /** Replace the account's session policy (audited with before and after); applies to logins from now on. */
        put: operations["SessionPolicyController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account (system admin only). */
        get: operations["AccountsController_list"];
        put?: never;
        /** Create an account (tenant); system admin only. */
        post: operations["AccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set or lift the account's legal hold (system admin; audited): while held, retention keeps all its audit events. */
        patch: operations["AccountsController_update"];
        trace?: never;
    };
    "/v1/accounts/{id}/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Account-wide forced logout: every session of every user in the account but the caller's. */
        post: operations["AccountsController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API keys of your account (never the keys themselves). */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Issue an API key for another service (introspection, revocation, Uberall's X-API-KEY). Shown once. */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; with `signInUsers`, the sessions it signed in end too. */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/access-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's SigV4 access keys (never the secrets). */
        get: operations["ApiKeysController_listAccessKeys"];
        put?: never;
        /** Issue a SigV4 access key pair for an account (Chime surface). The secret is shown once. */
        post: operations["ApiKeysController_createAccessKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/access-keys/{accessKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a SigV4 access key: requests signed with it are refused from then on. */
        delete: operations["ApiKeysController_revokeAccessKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** RFC 7662 token introspection, for other services holding an API key. */
        post: operations["OAuthController_introspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** RFC 7009 token revocation: ends the token's session; 200 even for an unknown token. */
        post: operations["OAuthController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invalidations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: the invalidations of the API key's account (`event: invalidation`, data
         *     `{kind: session|user|account|api-key, id}`), `heartbeat` events while this instance's lease is
         *     fresh, and `reset` when a resume point is outside the replay window (drop every cached answer).
         *     Send the last event's id as `Last-Event-ID` to resume without a gap. The stream ends when its key
         *     is revoked or this instance loses its invalidation channel: reconnect and resume.
         */
        get: operations["InvalidationStreamController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/ssf-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transmitter configuration metadata. */
        get: operations["SsfDiscoveryController_metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The keys SETs and logout tokens are signed with (during a rotation, both). */
        get: operations["SsfDiscoveryController_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One stream (`stream_id`), or every stream of the account. */
        get: operations["SsfStreamsController_read"];
        /** Replaces the receiver-supplied configuration. */
        put: operations["SsfStreamsController_replace"];
        /** Creates a stream of the caller's account. */
        post: operations["SsfStreamsController_create"];
        /** Deletes the stream; its undelivered events are dropped (recorded on the audit event). */
        delete: operations["SsfStreamsController_remove"];
        options?: never;
        head?: never;
        /** Changes the fields given. */
        patch: operations["SsfStreamsController_update"];
        trace?: never;
    };
    "/ssf/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stream's status: enabled, paused or disabled. */
        get: operations["SsfStreamsController_status"];
        put?: never;
        /** enabled, paused (events held) or disabled (events dropped). */
        post: operations["SsfStreamsController_setStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/subjects/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Events about this subject are sent again (every subject is, by default). */
        post: operations["SsfStreamsController_addSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/subjects/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** No more events about this subject on this stream. */
        post: operations["SsfStreamsController_removeSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a verification event on the stream, after the events queued before it. */
        post: operations["SsfStreamsController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/poll/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** RFC 8936 poll delivery with acknowledgements, for an API key of the stream's account. */
        post: operations["SsfStreamsController_poll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backchannel-receivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's back-channel logout receivers. */
        get: operations["BackchannelReceiversController_list"];
        put?: never;
        /** Registers a relying party's back-channel logout URI: it gets a logout token whenever a session of the account ends. */
        post: operations["BackchannelReceiversController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backchannel-receivers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Removes a back-channel logout receiver: it gets no further logout tokens. */
        delete: operations["BackchannelReceiversController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotates the signing key (system admin): the new key signs from now on, the old one stays in the JWKS until the next rotation. */
        post: operations["BackchannelReceiversController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit event with every session id it recorded (listings show the first 20) and, per receiver, its deliveries. */
        get: operations["AuditController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events of the account (or of no account), newest first, filtered, keyset-paginated both ways, with the total. */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The filtered events as a download (newest first), streamed in batches: CSV (one row per event,
         *     formula-safe) or NDJSON (one AuditEvent per line).
         */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events the list's filters match, counted per UTC day, per actor and per surface, each count with
         *     how many of them are dry runs; the last 30 days by default.
         */
        get: operations["AuditController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recomputes the account's hash chains (or those of the events of no account) over the range and
         *     reports the first event that was altered, removed or replaced; given a signed checkpoint (by value,
         *     by id, or the newest of each chain in the directory sink), also whether the chain was rewritten or
         *     truncated since. A checkpoint the service did not sign is refused (400).
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signs a checkpoint of each of the account's chains that moved since its last one, writes it to the
         *     sinks, and answers the newest checkpoint of every chain of the account.
         */
        post: operations["AuditController_createCheckpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One checkpoint, as signed, with its delivery to the HTTP sink. */
        get: operations["AuditController_getCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/retention/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Runs the retention job now (system admin): answers what it removed. The job also runs on its own every few hours. */
        post: operations["AuditController_runRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's audit streams (never their secrets). */
        get: operations["AuditStreamsController_list"];
        put?: never;
        /** Streams the account's audit events (all, or some actions) to a SIEM: NDJSON over https with an HMAC signature, Splunk HEC, or syslog over TLS. */
        post: operations["AuditStreamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/streams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit stream (never its secrets). */
        get: operations["AuditStreamsController_get"];
        put?: never;
        post?: never;
        /** Removes a stream: its events not yet delivered are dropped (counted on its audit event). */
        delete: operations["AuditStreamsController_remove"];
        options?: never;
        head?: never;
        /** Changes a stream (not its kind); the caller becomes the one it sends for. A paused stream keeps its events until enabled. */
        patch: operations["AuditStreamsController_update"];
        trace?: never;
    };
    "/v1/audit/streams/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a stream's delivery stands: events waiting, given up on, the last one delivered, the last error. */
        get: operations["AuditStreamsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up. */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready to serve: the database answers. */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/rocketchat/api/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Login */
        post: operations["RocketChatController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/rocketchat/api/v1/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Logout */
        get: operations["RocketChatController_logoutGet"];
        put?: never;
        /** Logout */
        post: operations["RocketChatController_logoutPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/rocketchat/api/v1/users.logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Logout User */
        post: operations["post-api-v1-users.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/uberall/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in a user */
        post: operations["UberallController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/uberall/users/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out the current user */
        post: operations["UberallController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/uberall/users/{id}/all-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End all of a user's sessions */
        delete: operations["UberallController_logoutAll"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/zap/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Login */
        post: operations["ZapController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/zap/v1/users/logout/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** LogOut User By Id (all sessions) */
        get: operations["ZapController_logoutAll"];
        /** LogOut User By Id */
        put: operations["ZapController_logoutDevice"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/ras/api/Session/logon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log on */
        post: operations["RasSessionController_logon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/ras/api/Session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List administrator sessions
         * @description Requires sessions.read-any.
         */
        get: operations["RasSessionController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/ras/api/Session/logoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log off
         * @description Log off user. User must be authenticated first.
         */
        post: operations["RasSessionController_logoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/ras/api/Session/{SessionId}/logoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * LogOff Other Admin
         * @description Invoke the RAS Admin Session to send the LogOff command for the Admin with specified Session ID. Ending another user's session requires sessions.revoke-any; a session of another account answers 404, like an unknown id.
         */
        post: operations["RasSessionController_logoffOther"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/chime/accounts/{accountId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GetUser
         * @description Retrieves details for the specified user ID.
         */
        get: operations["ChimeUsersController_getUser"];
        put?: never;
        /**
         * LogoutUser
         * @description Logs out the specified user from all of the devices they are currently logged into.
         */
        post: operations["ChimeUsersController_logoutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compat/chime/accounts/{accountId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * ListUsers
         * @description Lists the users that belong to the specified Amazon Chime account.
         */
        get: operations["ChimeUsersController_listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RoleDto: {
            id: string;
            name: string;
            permissions: string[];
            builtIn: boolean;
            /** @description null for built-in roles shared by every account. */
            accountId: string | null;
        };
        ErrorResponseDto: {
            /** @description HTTP status, repeated. */
            statusCode: number;
            /**
             * @description Stable machine-readable code.
             * @enum {string}
             */
            error: "VALIDATION_FAILED" | "PAYLOAD_TOO_LARGE" | "HEADERS_TOO_LARGE" | "REQUEST_TIMEOUT" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "INVALID_CLIENT" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID" | "PERMISSION_DENIED" | "insufficient_user_authentication" | "SESSION_LIMIT_REACHED" | "NOT_FOUND" | "ROUTE_NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL";
            message: string;
            /** @description Quote it when reporting a problem; it is in the logs and the audit trail. */
            requestId: string;
            details?: {
                [key: string]: unknown;
            };
        };
        CreateRoleDto: {
            name: string;
            /** @description Permission names (aliases such as logout-other-user accepted). */
            permissions: string[];
        };
        SessionDto: {
            id: string;
            /** @description Small integer id, for clients that address sessions by int32. */
            number: number;
            userId: string;
            accountId: string;
            /** @description The API surface the session was created through. */
            surface: string;
            deviceName: string | null;
            hasDeviceToken: boolean;
            ip: string | null;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** Format: date-time */
            idleExpiresAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ForcedLogoutDto: {
            /** @description Why the sessions are being ended; kept in the audit trail. */
            reason?: string;
            /** @description Reference to a ticket or incident. */
            ticket?: string;
        };
        RevocationReceiptDto: {
            /** @description How many sessions ended (0 when none was live). */
            revokedCount: number;
            /**
             * @description Ids of the sessions ended: the newest 100 when every session of a user or account ended (the audit
             *     event's details.revokedSet finds the whole set), else up to 1000; see sessionIdsTruncated.
             */
            sessionIds: string[];
            sessionIdsTruncated: boolean;
            targetUserId: string | null;
            accountId: string;
            /** @description The audit event recording this revocation. */
            auditEventId: string;
            action: string;
            /**
             * Format: date-time
             * @description When the revocation took effect; tokens are refused everywhere from then on.
             */
            effectiveAt: string;
            /** @description True when nothing was changed (dryRun=true). */
            dryRun: boolean;
        };
        RoleOverrideDto: {
            /** @description A role of the account (or a built-in one). */
            role: string;
            /** @description Most live sessions one user may hold; unset: no limit. */
            maxSessions?: number;
            /**
             * @description At the limit: `refuse` the new login, or `end-oldest` (the least recently used session ends, audited as a policy logout). Default `refuse`.
             * @enum {string}
             */
            atLimit?: "refuse" | "end-oldest";
            /** @description A session unused this long ends (seconds; default SESSION_IDLE_TTL). */
            idleTimeoutSeconds?: number;
            /** @description A session ends this long after its login, however used (seconds; default SESSION_ABSOLUTE_TTL). */
            absoluteLifetimeSeconds?: number;
            /** @description Lifetime of each access token (seconds; default ACCESS_TOKEN_TTL). */
            accessTokenTtlSeconds?: number;
            /** @description How recent the session's last password proof must be for the step-up actions (seconds; default 300). */
            stepUpMaxAgeSeconds?: number;
            /** @description The actions that need that fresh authentication. */
            stepUpActions?: ("account-logout" | "admin-logout" | "user-disable" | "policy-change")[];
            /** @description Ending one's other sessions (logout `others`/`global`, ending another own session) needs that fresh authentication too (ASVS 7.5.2). */
            endOtherSessionsRequiresReauth?: boolean;
        };
        SessionPolicyDto: {
            accountId: string;
            /**
             * Format: date-time
             * @description When the policy was last changed; null while the account has none (the defaults apply).
             */
            updatedAt: string | null;
            roles?: components["schemas"]["RoleOverrideDto"][];
            /** @description Most live sessions one user may hold; unset: no limit. */
            maxSessions?: number;
            /**
             * @description At the limit: `refuse` the new login, or `end-oldest` (the least recently used session ends, audited as a policy logout). Default `refuse`.
             * @enum {string}
             */
            atLimit?: "refuse" | "end-oldest";
            /** @description A session unused this long ends (seconds; default SESSION_IDLE_TTL). */
            idleTimeoutSeconds?: number;
            /** @description A session ends this long after its login, however used (seconds; default SESSION_ABSOLUTE_TTL). */
            absoluteLifetimeSeconds?: number;
            /** @description Lifetime of each access token (seconds; default ACCESS_TOKEN_TTL). */
            accessTokenTtlSeconds?: number;
            /** @description How recent the session's last password proof must be for the step-up actions (seconds; default 300). */
            stepUpMaxAgeSeconds?: number;
            /** @description The actions that need that fresh authentication. */
            stepUpActions?: ("account-logout" | "admin-logout" | "user-disable" | "policy-change")[];
            /** @description Ending one's other sessions (logout `others`/`global`, ending another own session) needs that fresh authentication too (ASVS 7.5.2). */
            endOtherSessionsRequiresReauth?: boolean;
        };
        PutSessionPolicyDto: {
            roles?: components["schemas"]["RoleOverrideDto"][];
            /** @description Most live sessions one user may hold; unset: no limit. */
            maxSessions?: number;
            /**
             * @description At the limit: `refuse` the new login, or `end-oldest` (the least recently used session ends, audited as a policy logout). Default `refuse`.
             * @enum {string}
             */
            atLimit?: "refuse" | "end-oldest";
            /** @description A session unused this long ends (seconds; default SESSION_IDLE_TTL). */
            idleTimeoutSeconds?: number;
            /** @description A session ends this long after its login, however used (seconds; default SESSION_ABSOLUTE_TTL). */
            absoluteLifetimeSeconds?: number;
            /** @description Lifetime of each access token (seconds; default ACCESS_TOKEN_TTL). */
            accessTokenTtlSeconds?: number;
            /** @description How recent the session's last password proof must be for the step-up actions (seconds; default 300). */
            stepUpMaxAgeSeconds?: number;
            /** @description The actions that need that fresh authentication. */
            stepUpActions?: ("account-logout" | "admin-logout" | "user-disable" | "policy-change")[];
            /** @description Ending one's other sessions (logout `others`/`global`, ending another own session) needs that fresh authentication too (ASVS 7.5.2). */
            endOtherSessionsRequiresReauth?: boolean;
        };
        CreateUserDto: {
            /** @description 3–64 characters: letters, digits, dot, dash, underscore. */
            username: string;
            /** Format: email */
            email: string;
            password: string;
            /** @description Role names; defaults to ["user"]. */
            roles?: string[];
            /**
             * Format: uuid
             * @description Another account (system admin only); defaults to the caller's.
             */
            accountId?: string;
        };
        UserDto: {
            id: string;
            accountId: string;
            username: string;
            email: string;
            /** @enum {string} */
            status: "active" | "disabled";
            roles: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        UpdateUserDto: {
            /** Format: email */
            email?: string;
            /**
             * @description An admin's reset of another user's password (ends that user's sessions). Not for one's own: that
             *     is 400, use POST /v1/auth/password, which needs the current password.
             */
            password?: string;
            /**
             * @description Disabling ends every session of the user.
             * @enum {string}
             */
            status?: "active" | "disabled";
        };
        SetRolesDto: {
            roles: string[];
        };
        CreateAccountDto: {
            name: string;
        };
        AccountDto: {
            id: string;
            name: string;
            isDefault: boolean;
            /** @description While set, the retention job keeps every audit event of the account. */
            legalHold: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        UpdateAccountDto: {
            /** @description While true, the retention job keeps every audit event of the account (audited when changed). */
            legalHold: boolean;
        };
        AccountLogoutDto: {
            reason: string;
            ticket?: string;
        };
        CreateApiKeyDto: {
            name: string;
            /** Format: uri */
            redirectUrl?: string;
            /**
             * @description Also issue a private key, with which this client signs in users of the account without their
             *     password (Uberall's `POST /users/login` with `private_key`). Off by default; needs users.manage;
             *     the key signs in only users holding no permission its creator lacks, and only while its creator
             *     holds users.manage (any user, when its creator is the system admin, who holds every power).
             */
            signInUsers?: boolean;
        };
        CreatedApiKeyDto: {
            /** @description The key itself: shown once, stored only as a hash. */
            apiKey: string;
            /** @description Only when created with `signInUsers`: the private key, shown once, stored only as a hash. */
            privateKey?: string;
            id: string;
            accountId: string;
            name: string;
            /** @description First characters of the key, to tell keys apart. */
            prefix: string;
            /** @description Where Uberall-style clients are sent after logout. */
            redirectUrl: string | null;
            /** @description Whether it has a private key, with which it signs in users of its account (Uberall's `private_key` login). */
            signsInUsers: boolean;
            /**
             * @description What it was granted: of `sessions.revoke-any` (RFC 7009 revocation of tokens of others), what its
             *     creator held. At each use it holds only what of this its creator still holds.
             */
            permissions: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        ApiKeyDto: {
            id: string;
            accountId: string;
            name: string;
            /** @description First characters of the key, to tell keys apart. */
            prefix: string;
            /** @description Where Uberall-style clients are sent after logout. */
            redirectUrl: string | null;
            /** @description Whether it has a private key, with which it signs in users of its account (Uberall's `private_key` login). */
            signsInUsers: boolean;
            /**
             * @description What it was granted: of `sessions.revoke-any` (RFC 7009 revocation of tokens of others), what its
             *     creator held. At each use it holds only what of this its creator still holds.
             */
            permissions: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreatedAccessKeyDto: {
            /** @description Shown once. Stored encrypted, because verifying SigV4 needs it. */
            secretAccessKey: string;
            accessKeyId: string;
            accountId: string;
            /**
             * @description What it was granted: of `sessions.read-any` (GetUser, ListUsers) and `sessions.revoke-any`
             *     (LogoutUser), what its creator held. At each use it holds only what of this its creator still holds.
             */
            permissions: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        AccessKeyDto: {
            accessKeyId: string;
            accountId: string;
            /**
             * @description What it was granted: of `sessions.read-any` (GetUser, ListUsers) and `sessions.revoke-any`
             *     (LogoutUser), what its creator held. At each use it holds only what of this its creator still holds.
             */
            permissions: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        LoginDto: {
            /** @description Username or email; one of `username` and `email` is required. */
            username?: string;
            /** @description Email or username (the same lookup); one of `username` and `email` is required. */
            email?: string;
            password: string;
            /** @description Push token of the device, 1 to 4096 characters (only its SHA-256 is kept); a ZAP-style logout can end the sessions bound to it. */
            deviceToken?: string;
            deviceName?: string;
        };
        TokenResponseDto: {
            accessToken: string;
            refreshToken: string;
            /**
             * @description Always "Bearer".
             * @enum {string}
             */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            sessionId: string;
            userId: string;
        };
        RefreshDto: {
            refreshToken: string;
        };
        ChangePasswordDto: {
            /** @description The password the user signs in with now. A wrong one is 401 INVALID_CREDENTIALS, changes nothing, and counts toward the login throttle. */
            currentPassword: string;
            /** @description 12 to 1024 characters, as for every password. */
            newPassword: string;
            /** @description End every other session of the user in the same transaction (default true); this session stays. */
            endOtherSessions?: boolean;
        };
        PasswordChangedDto: {
            /** @description How many other sessions ended with the change (0 when `endOtherSessions` was false or none was live). */
            otherSessionsEnded: number;
            /** @description The audit event that records the change. */
            auditEventId: string;
        };
        ReauthenticateDto: {
            /** @description The user's password. A wrong one is 401 INVALID_CREDENTIALS and counts toward the login throttle. */
            password: string;
        };
        ReauthenticatedDto: {
            /**
             * Format: date-time
             * @description The session's new authentication time: the step-up actions measure their max age from it.
             */
            authenticatedAt: string;
        };
        CurrentSessionDto: {
            /** @description Effective permissions of the caller, sorted. */
            permissions: string[];
            /** @description Always true (an ended session answers 401). */
            active: boolean;
            userId: string;
            username: string;
            accountId: string;
            sessionId: string;
            /** @description The session's small integer id. */
            sessionNumber: number;
            /**
             * Format: date-time
             * @description When this access token expires.
             */
            expiresAt: string;
        };
        MeDto: {
            /** @description Effective permissions of the caller. */
            permissions: string[];
            /** @description The session behind the token; null for a credential without one. */
            session: (components["schemas"]["SessionDto"] | (never | null)) | null;
            user: components["schemas"]["UserDto"];
        };
        TokenRequestDto: {
            token: string;
            /**
             * @description Accepted and validated as RFC 7009 §2.1 defines it; the lookup covers both kinds in one query.
             * @enum {string}
             */
            token_type_hint?: "access_token" | "refresh_token";
        };
        IntrospectionResponseDto: {
            active: boolean;
            /** @enum {string} */
            token_type?: "Bearer";
            /** @description User id. */
            sub?: string;
            username?: string;
            /** @description Expiry of the access token, seconds since the epoch. */
            exp?: number;
            /** @description Session id. */
            sid?: string;
            account_id?: string;
            /** @description Space-separated permissions. */
            scope?: string;
            client_id?: string;
        };
        AuditDeliveryDto: {
            /** @description ssf_push, ssf_poll, backchannel… */
            destinationKind: string;
            destinationId: string;
            /** @description The id the receiver sees (the same on every attempt). */
            jti: string;
            /** @enum {string} */
            status: "delivered" | "pending" | "failed";
            attempts: number;
            lastError: string | null;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description When a pending delivery is tried next.
             */
            nextAttemptAt: string | null;
        };
        AuditActorDto: {
            userId: string | null;
            sessionId: string | null;
            /** @description Username, API key name or access key id of who acted. */
            label: string | null;
        };
        AuditEventDetailDto: {
            deliveries: components["schemas"]["AuditDeliveryDto"][];
            /**
             * @description true when the event is older than DELIVERY_RETENTION_SECONDS: its delivered and failed deliveries
             *     may have been pruned, so `deliveries` lists only what is left (pending ones are never pruned; a
             *     failed one stays in the trail as its `delivery.failed` event). false: the list is complete.
             */
            deliveriesPruned: boolean;
            id: string;
            /** Format: date-time */
            occurredAt: string;
            action: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            accountId: string | null;
            actor: components["schemas"]["AuditActorDto"];
            targetUserId: string | null;
            /** @description The target user's username. */
            targetLabel: string | null;
            /**
             * @description Sessions affected. Listings show the first 20 (GET /v1/audit/events/{id} and the export show up to
             *     1000; a logout of every session of a user or account records its newest 100, and
             *     details.revokedSet to find the whole set again); sessionCount is always exact.
             */
            sessionIds: string[];
            sessionCount: number;
            /** @description True when sessionIds lists fewer sessions than sessionCount. */
            sessionIdsTruncated: boolean;
            /** @description API surface the action came through: native or a vendor dialect. */
            surface: string;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            reason: string | null;
            ticket: string | null;
            dryRun: boolean;
            details: {
                [key: string]: unknown;
            };
        };
        AuditEventDto: {
            id: string;
            /** Format: date-time */
            occurredAt: string;
            action: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            accountId: string | null;
            actor: components["schemas"]["AuditActorDto"];
            targetUserId: string | null;
            /** @description The target user's username. */
            targetLabel: string | null;
            /**
             * @description Sessions affected. Listings show the first 20 (GET /v1/audit/events/{id} and the export show up to
             *     1000; a logout of every session of a user or account records its newest 100, and
             *     details.revokedSet to find the whole set again); sessionCount is always exact.
             */
            sessionIds: string[];
            sessionCount: number;
            /** @description True when sessionIds lists fewer sessions than sessionCount. */
            sessionIdsTruncated: boolean;
            /** @description API surface the action came through: native or a vendor dialect. */
            surface: string;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            reason: string | null;
            ticket: string | null;
            dryRun: boolean;
            details: {
                [key: string]: unknown;
            };
        };
        AuditEventPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            /** @description Pass as `cursor` for the next (older) page; null on the last page. */
            nextCursor: string | null;
            /** @description Pass as `before` for the previous (newer) page; null on the first page. */
            prevCursor: string | null;
            /** @description The page size used. */
            limit: number;
            /** @description How many events match the filters (all pages); counted up to 10,000, or 1,000 with a `reason` text filter (see totalExact). */
            total: number;
            /** @description False when more events match than were counted (10,000, or 1,000 with `reason`): `total` is then that count, a lower bound. */
            totalExact: boolean;
        };
        AuditDayCountDto: {
            /** @description UTC day, YYYY-MM-DD. */
            day: string;
            /** @description Matching events that day, dry runs included. */
            count: number;
            /** @description Of `count`, the dry runs. */
            dryRuns: number;
        };
        AuditActorCountDto: {
            actorUserId: string | null;
            actorLabel: string | null;
            count: number;
            dryRuns: number;
        };
        AuditSurfaceCountDto: {
            surface: string;
            count: number;
            dryRuns: number;
        };
        AuditSummaryDto: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description Matching events in the range, dry runs included. */
            total: number;
            /** @description Of `total`, the dry runs. */
            dryRuns: number;
            perDay: components["schemas"]["AuditDayCountDto"][];
            perActor: components["schemas"]["AuditActorCountDto"][];
            perSurface: components["schemas"]["AuditSurfaceCountDto"][];
        };
        AuditChainBreakDto: {
            /**
             * @description hash_mismatch: the event was changed after it was written; chain_gap: events are missing before it;
             *     prev_mismatch: its prev_hash is not the previous event's hash (an event before it was replaced).
             * @enum {string}
             */
            reason: "hash_mismatch" | "chain_gap" | "prev_mismatch";
            /** @description Id of the first event that does not verify. */
            id: string;
            /** @description Which of the account's chains it is in (an account's events form several chains, each verified). */
            chainStripe: number;
            /** @description Its place in that chain. */
            chainSeq: string;
            /** Format: date-time */
            occurredAt: string;
        };
        AuditCheckpointFindingDto: {
            /**
             * @description matches: the chain still holds, at the checkpoint's place, the event and hash it names; rewritten:
             *     another event or hash stands there (the chain was rebuilt, its hashes recomputed); truncated: the chain
             *     now ends before that place (its newest events were deleted); expired: retention removed the events up
             *     to and past it; forged: a file of the directory sink whose signature no key of the service verifies.
             * @enum {string}
             */
            status: "matches" | "rewritten" | "truncated" | "expired" | "forged";
            /** @description The checkpoint's id; null when forged. */
            id: string | null;
            /** @description The file of the directory sink it was read from; null for a checkpoint given by value or id. */
            file: string | null;
            chainStripe: number | null;
            /** @description Where the checkpoint says the chain stood: its last event's place and id, and that event's hash (hex). */
            lastSeq: string | null;
            lastEventId: string | null;
            headHash: string | null;
            /** Format: date-time */
            issuedAt: string | null;
            /** @description The place of the chain's newest event now; null when the chain has no event. */
            chainSeqNow: string | null;
        };
        AuditVerifyResultDto: {
            /** @description The first event that does not verify, in chain order (chains in stripe order); null when ok. */
            firstBroken: (components["schemas"]["AuditChainBreakDto"] | (never | null)) | null;
            /** @description Present when checkpoints were given: each compared with its chain (ok is false unless every one matches). */
            checkpoints?: components["schemas"]["AuditCheckpointFindingDto"][];
            /** @description True when every event in the range verifies. */
            ok: boolean;
            /** @description Events checked (up to and including the first broken one). */
            checked: number;
            /**
             * @description Hash (hex) of the last event checked (of the newest written, when the range spans several chains): note it to
             *     detect later truncation; null when the range is empty.
             */
            headHash: string | null;
            /** Format: date-time */
            from: string | null;
            /** Format: date-time */
            to: string | null;
        };
        CreateAuditCheckpointsDto: {
            /** @description Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
            accountId?: string | "none";
        };
        AuditCheckpointDto: {
            id: string;
            /** @description The account whose chain it is; null for the events of no account. */
            accountId: string | null;
            chainStripe: number;
            /** @description The chain's newest event when the checkpoint was made: its id and place. */
            lastEventId: string;
            lastSeq: string;
            /** @description That event's hash (hex). */
            headHash: string;
            /** @description Events the chain held then. */
            eventCount: string;
            /**
             * @description scheduled (every AUDIT_CHECKPOINT_EVERY_EVENTS events or AUDIT_CHECKPOINT_INTERVAL_SECONDS) or on_demand.
             * @enum {string}
             */
            trigger: "scheduled" | "on_demand";
            /** Format: date-time */
            createdAt: string;
            /** @description The checkpoint as signed: a JWT (typ audit-checkpoint+jwt, EdDSA), verifiable with the JWKS. */
            jws: string;
            /** @description Its delivery to the HTTP sink (AUDIT_CHECKPOINT_URL); empty when there is none. */
            deliveries: components["schemas"]["AuditDeliveryDto"][];
        };
        AuditCheckpointListDto: {
            /** @description The newest checkpoint of each of the account's chains (made now where the chain moved since its last one). */
            items: components["schemas"]["AuditCheckpointDto"][];
        };
        AuditPartitionDropDto: {
            /** @description Monthly partition, e.g. audit_events_202401. */
            partition: string;
            /** @description Events it held. */
            rows: number;
        };
        AuditRetentionResultDto: {
            /** @description AUDIT_RETENTION_DAYS; 0 keeps events forever (nothing is removed). */
            retentionDays: number;
            /**
             * Format: date-time
             * @description Events older than this were removed (null when retention is off).
             */
            cutoff: string | null;
            /** @description Partitions dropped whole: entirely older than the cutoff, no account under legal hold in them. */
            droppedPartitions: components["schemas"]["AuditPartitionDropDto"][];
            /** @description Partitions older than the cutoff kept because an account under legal hold has events there; other accounts' events were deleted from them. */
            heldPartitions: string[];
            /** @description Events deleted row by row (held partitions and the default partition). */
            deletedRows: number;
            /** @description Partitions created ahead (this month and the next two) or already present. */
            ensuredPartitions: string[];
            /** Format: date-time */
            ranAt: string;
        };
        CreateAuditStreamDto: {
            /** @description A name for people (unique or not). */
            name: string;
            /**
             * @description `http`: NDJSON batches signed with HMAC-SHA256; `splunk`: Splunk HTTP Event Collector; `syslog`: RFC 5424 over TCP (TLS by default).
             * @enum {string}
             */
            kind: "http" | "splunk" | "syslog";
            /** @description Only these actions (e.g. session.forced_logout); empty or absent: every action. */
            actions?: ("session.login" | "session.logout" | "session.forced_logout" | "session.revoked_all" | "session.refresh_reuse" | "session.policy_logout" | "session.reauthenticated" | "auth.step_up_required" | "auth.login_failed" | "auth.login_throttled" | "auth.permission_denied" | "user.created" | "user.updated" | "user.password_changed" | "user.disabled" | "user.roles_changed" | "role.created" | "account.created" | "account.updated" | "session_policy.updated" | "client.created" | "client.revoked" | "access_key.created" | "access_key.revoked" | "audit.retention_run" | "receiver.created" | "receiver.updated" | "receiver.deleted" | "delivery.failed" | "signing_key.rotated" | "audit_stream.created" | "audit_stream.updated" | "audit_stream.deleted")[];
            /** @description A paused stream keeps its events (nothing is sent) until it is enabled again. */
            paused?: boolean;
            /** @description http and splunk: the https URL batches are POSTed to (for Splunk, e.g. https://splunk:8088/services/collector/event). */
            url?: string;
            /** @description http: the HMAC-SHA256 key (at least 32 characters) batches are signed with. Stored encrypted, never shown. */
            hmacKey?: string;
            /** @description splunk: the HEC token (sent as `Authorization: Splunk <token>`). Stored encrypted, never shown. */
            splunkToken?: string;
            /** @description splunk: the index (default: the token's). */
            splunkIndex?: string;
            /** @description splunk: `source` of every event (default session-service). */
            splunkSource?: string;
            /** @description splunk: `sourcetype` of every event (default _json). */
            splunkSourcetype?: string;
            /** @description syslog: the collector as host:port (RFC 5425 uses 6514). */
            syslogAddress?: string;
            /** @description syslog: TLS (default true); plain TCP only where RECEIVERS_ALLOW_INSECURE allows it. */
            syslogTls?: boolean;
            /** @description syslog: PEM certificates to trust for the collector instead of the system's CAs. */
            syslogCa?: string;
            /** @description syslog: a client certificate (PEM) for a collector that asks for one; with syslogClientKey. */
            syslogClientCert?: string;
            /** @description syslog: the client certificate's private key (PEM). Stored encrypted, never shown. */
            syslogClientKey?: string;
            /** @description syslog: the RFC 5424 facility, 0–23 (default 13, log audit). */
            syslogFacility?: number;
        };
        AuditStreamDto: {
            id: string;
            name: string;
            kind: string;
            /** @description enabled or paused. */
            status: string;
            /** @description The actions streamed; empty: every action. */
            actions: string[];
            url: string | null;
            syslogAddress: string | null;
            splunkIndex: string | null;
            splunkSource: string | null;
            splunkSourcetype: string | null;
            syslogTls: boolean | null;
            syslogFacility: number | null;
            /** @description Who last configured it: the stream sends only while they hold audit.read and audit.stream. */
            configuredBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AuditStreamStatusDto: {
            id: string;
            status: string;
            /** @description Events waiting to be sent. */
            pending: number;
            /** @description Events given up on (older than DELIVERY_MAX_AGE_SECONDS when they failed). */
            failed: number;
            /**
             * Format: date-time
             * @description When the oldest waiting event was written.
             */
            oldestPendingAt: string | null;
            /** Format: date-time */
            lastDeliveredAt: string | null;
            /** @description The last audit event the stream's receiver took. */
            lastDeliveredEventId: string | null;
            lastError: string | null;
            /** Format: date-time */
            lastErrorAt: string | null;
        };
        UpdateAuditStreamDto: {
            /** @description A name for people (unique or not). */
            name?: string;
            /** @description Only these actions (e.g. session.forced_logout); empty or absent: every action. */
            actions?: ("session.login" | "session.logout" | "session.forced_logout" | "session.revoked_all" | "session.refresh_reuse" | "session.policy_logout" | "session.reauthenticated" | "auth.step_up_required" | "auth.login_failed" | "auth.login_throttled" | "auth.permission_denied" | "user.created" | "user.updated" | "user.password_changed" | "user.disabled" | "user.roles_changed" | "role.created" | "account.created" | "account.updated" | "session_policy.updated" | "client.created" | "client.revoked" | "access_key.created" | "access_key.revoked" | "audit.retention_run" | "receiver.created" | "receiver.updated" | "receiver.deleted" | "delivery.failed" | "signing_key.rotated" | "audit_stream.created" | "audit_stream.updated" | "audit_stream.deleted")[];
            /** @description A paused stream keeps its events (nothing is sent) until it is enabled again. */
            paused?: boolean;
            /** @description http and splunk: the https URL batches are POSTed to (for Splunk, e.g. https://splunk:8088/services/collector/event). */
            url?: string;
            /** @description http: the HMAC-SHA256 key (at least 32 characters) batches are signed with. Stored encrypted, never shown. */
            hmacKey?: string;
            /** @description splunk: the HEC token (sent as `Authorization: Splunk <token>`). Stored encrypted, never shown. */
            splunkToken?: string;
            /** @description splunk: the index (default: the token's). */
            splunkIndex?: string;
            /** @description splunk: `source` of every event (default session-service). */
            splunkSource?: string;
            /** @description splunk: `sourcetype` of every event (default _json). */
            splunkSourcetype?: string;
            /** @description syslog: the collector as host:port (RFC 5425 uses 6514). */
            syslogAddress?: string;
            /** @description syslog: TLS (default true); plain TCP only where RECEIVERS_ALLOW_INSECURE allows it. */
            syslogTls?: boolean;
            /** @description syslog: PEM certificates to trust for the collector instead of the system's CAs. */
            syslogCa?: string;
            /** @description syslog: a client certificate (PEM) for a collector that asks for one; with syslogClientKey. */
            syslogClientCert?: string;
            /** @description syslog: the client certificate's private key (PEM). Stored encrypted, never shown. */
            syslogClientKey?: string;
            /** @description syslog: the RFC 5424 facility, 0–23 (default 13, log audit). */
            syslogFacility?: number;
        };
        TransmitterMetadataDto: {
            spec_version: string;
            issuer: string;
            jwks_uri: string;
            delivery_methods_supported: string[];
            configuration_endpoint: string;
            status_endpoint: string;
            add_subject_endpoint: string;
            remove_subject_endpoint: string;
            verification_endpoint: string;
            critical_subject_members: string[];
            default_subjects: string;
            authorization_schemes: {
                spec_urn: string;
            }[];
        };
        JwksDto: {
            keys: Record<string, never>[];
        };
        StreamDeliveryDto: {
            /**
             * @description urn:ietf:rfc:8935 (push) or urn:ietf:rfc:8936 (poll).
             * @enum {string}
             */
            method: "urn:ietf:rfc:8935" | "urn:ietf:rfc:8936";
            /** @description Push: the receiver's https endpoint (required). Poll: assigned by the transmitter, ignored here. */
            endpoint_url?: string;
            /** @description Push: the Authorization header value sent with every SET (stored encrypted, never shown again). */
            authorization_header?: string;
        };
        CreateStreamDto: {
            delivery: components["schemas"]["StreamDeliveryDto"];
            /** @description Event types wanted; only session-revoked is supported (events_delivered is the intersection). */
            events_requested?: string[];
            /**
             * @description The Subject Identifier Format for user subjects: complex (default), iss_sub, opaque or email.
             * @enum {string}
             */
            format?: "complex" | "iss_sub" | "opaque" | "email";
            description?: string;
            iss?: string;
            aud?: string;
            events_supported?: string[];
            events_delivered?: string[];
            min_verification_interval?: number;
        };
        StreamDeliveryViewDto: {
            method: string;
            endpoint_url: string | null;
        };
        StreamConfigurationDto: {
            stream_id: string;
            iss: string;
            aud: string;
            events_supported: string[];
            events_requested: string[];
            events_delivered: string[];
            delivery: components["schemas"]["StreamDeliveryViewDto"];
            format: string;
            description: string | null;
            min_verification_interval: number;
        };
        UpdateStreamDto: {
            iss?: string;
            aud?: string;
            events_supported?: string[];
            events_delivered?: string[];
            min_verification_interval?: number;
            delivery?: components["schemas"]["StreamDeliveryDto"];
            /** @description Event types wanted; only session-revoked is supported (events_delivered is the intersection). */
            events_requested?: string[];
            /**
             * @description The Subject Identifier Format for user subjects: complex (default), iss_sub, opaque or email.
             * @enum {string}
             */
            format?: "complex" | "iss_sub" | "opaque" | "email";
            description?: string;
            /** Format: uuid */
            stream_id: string;
        };
        StreamStatusDto: {
            stream_id: string;
            status: string;
            reason?: string;
        };
        UpdateStreamStatusDto: {
            /** Format: uuid */
            stream_id: string;
            /** @enum {string} */
            status: "enabled" | "paused" | "disabled";
            reason?: string;
        };
        StreamSubjectDto: {
            /** Format: uuid */
            stream_id: string;
            /** @description A subject identifier (RFC 9493: opaque with the user id, iss_sub, email; or complex with a `user` member). */
            subject: {
                [key: string]: unknown;
            };
            verified?: boolean;
        };
        VerifyStreamDto: {
            /** Format: uuid */
            stream_id: string;
            /** @description Echoed in the verification event. */
            state?: string;
        };
        PollRequestDto: {
            /** @description jti of SETs received and processed. */
            ack?: string[];
            /** @description jti → {err, description} of SETs the receiver refused (at most 1,000, as for ack; more is a 400). */
            setErrs?: {
                [key: string]: unknown;
            };
            /** @description Most SETs in the answer (default 100); 0 only acknowledges, and answers at once. */
            maxEvents?: number;
            /**
             * @description true: answer at once, even with nothing pending (short polling). Default false (RFC 8936 §2.4):
             *     with nothing pending the request is held until an event for the stream commits, at most
             *     SSF_POLL_MAX_WAIT_MS, then answered (empty if none came).
             */
            returnImmediately?: boolean;
        };
        PollResponseDto: {
            /** @description jti → SET. */
            sets: {
                [key: string]: string;
            };
            moreAvailable: boolean;
        };
        CreateBackchannelReceiverDto: {
            /** @description The relying party's client id: the logout token's `aud`. */
            clientId: string;
            /** @description Its registered back-channel logout URI (https; no private addresses unless allowed). */
            backchannelLogoutUri: string;
            description?: string;
        };
        BackchannelReceiverDto: {
            id: string;
            clientId: string;
            backchannelLogoutUri: string;
            status: string;
            description: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SigningKeyRotationDto: {
            /** @description The new active key. */
            kid: string;
            /** @description Every key now in the JWKS (the new one and the one it replaced). */
            published: string[];
        };
        RocketChatErrorDto: {
            success: boolean;
            /** @description What went wrong. */
            error: string;
            /** @description invalid-params, error-invalid-user-id, error-too-many-requests… */
            errorType?: string;
        };
        RocketChatLoginDto: {
            /** @description Username or email of the user logging in. */
            user?: string | {
                username: string;
            } | {
                email: string;
            };
            /** @description Username (alternative to `user`). */
            username?: string;
            /** @description Email (alternative to `user`). */
            email?: string;
            /** @description Plain password; Rocket.Chat's `{hashed}` digest form is refused (passwords are stored with argon2). */
            password: string;
        };
        RocketChatEmailDto: {
            address: string;
            verified: boolean;
        };
        RocketChatMeDto: {
            _id: string;
            username: string;
            emails: components["schemas"]["RocketChatEmailDto"][];
            roles: string[];
            active: boolean;
            /** @description Presence; always "online" right after login. */
            status: string;
        };
        RocketChatLoginDataDto: {
            userId: string;
            /** @description Send it as X-Auth-Token, with X-User-Id, on every later call. */
            authToken: string;
            me: components["schemas"]["RocketChatMeDto"];
        };
        RocketChatLoginResponseDto: {
            /** @description Always "success". */
            status: string;
            data: components["schemas"]["RocketChatLoginDataDto"];
        };
        RocketChatLoginFailedDto: {
            /** @description Always "error". */
            status: string;
            /** @description "Unauthorized" */
            error: string;
            /** @description "Unauthorized" */
            message: string;
        };
        RocketChatLogoutDataDto: {
            message: string;
        };
        RocketChatLogoutResponseDto: {
            /** @description Always "success". */
            status: string;
            data: components["schemas"]["RocketChatLogoutDataDto"];
        };
        RocketChatUnauthorizedDto: {
            success: boolean;
            /** @description Always "error". */
            status: string;
            error: string;
            /** @description "You must be logged in to do this." */
            message: string;
        };
        RocketChatUsersLogoutDto: {
            /** @description Enter the user ID to be logged out. Empty means the caller, as in Rocket.Chat (`userId || this.userId`). */
            userId?: string;
        };
        RocketChatUsersLogoutResponseDto: {
            /** @description "User <id> has been logged out!" */
            message: string;
            success: boolean;
        };
        UberallErrorDto: {
            /** @description NOT_AUTHORIZED, BAD_PUBLIC_KEY, BAD_ACCESS_TOKEN, FORBIDDEN, NOT_FOUND, INVALID_PARAMETER, QUOTA_LIMIT_EXCEED, SERVER_ERROR… */
            status: string;
            /** @description Holds further information about the response. */
            message?: string;
            /** @description INVALID_INPUT for a malformed request. */
            errorCode?: string;
        };
        UberallLoginDto: {
            /** @description The user's email (a username works too: the same lookup); with `password` or `private_key`. */
            email?: string;
            /**
             * Format: uuid
             * @description The user's id, instead of `email`; only with `private_key`.
             */
            userId?: string;
            /** @description The user's password; or send `private_key` instead. */
            password?: string;
            /** @description The client application's private key (POST /v1/api-keys with `signInUsers`), instead of a password. */
            private_key?: string;
        };
        UberallLoginPayloadDto: {
            /** @description Send it in `Authorization` (bare or `Bearer`), with X-API-KEY, on every later call. */
            access_token: string;
        };
        UberallLoginResponseDto: {
            /** @description "SUCCESS" */
            status: string;
            response: components["schemas"]["UberallLoginPayloadDto"];
        };
        UberallLogoutPayloadDto: {
            /** @description True if logout was successful. */
            success: boolean;
            /** @description The URL that a user is redirected to when logging out (the API key's; absent when none is configured). */
            redirectUrl?: string;
        };
        UberallLogoutResponseDto: {
            /** @description "SUCCESS" */
            status: string;
            response: components["schemas"]["UberallLogoutPayloadDto"];
        };
        UberallAllSessionsPayloadDto: {
            success: boolean;
            /** @description How many sessions ended (0 when none was live). */
            revokedCount: number;
        };
        UberallAllSessionsResponseDto: {
            /** @description "SUCCESS" */
            status: string;
            response: components["schemas"]["UberallAllSessionsPayloadDto"];
        };
        ZapErrorDto: {
            /** @description Always false. */
            success: boolean;
            message: string;
        };
        ZapLoginDto: {
            /** @description Email or username (phone numbers are not stored by this service). */
            identity: string;
            password: string;
            /** @description Push token of this device, up to 4096 characters (only its SHA-256 is kept); `PUT /v1/users/logout/:id` with it ends this session. */
            deviceToken?: string;
        };
        ZapUserDto: {
            _id: string;
            id: string;
            username: string;
            email: string;
            roles: string[];
        };
        ZapLoginDataDto: {
            success: boolean;
            data: components["schemas"]["ZapUserDto"];
            /** @description Send it as `Authorization: Bearer <token>`. */
            token: string;
            refreshToken: string;
        };
        ZapLoginResponseDto: {
            success: boolean;
            data: components["schemas"]["ZapLoginDataDto"];
        };
        ZapDeviceLogoutDto: {
            /** @description The device token of the user (up to 4096 characters): the sessions bound to it end and the token is unregistered. */
            deviceToken: string;
        };
        ZapLogoutResponseDto: {
            success: boolean;
            /** @description "Logout Successfull" (the vendor's spelling is the contract). */
            data: string;
        };
        ProblemDetails: {
            /** @description A URI reference identifying the problem type. */
            type?: string | null;
            /** @description Short, human-readable summary of the problem type. */
            title?: string | null;
            /**
             * Format: int32
             * @description The HTTP status code, repeated.
             */
            status?: number | null;
            /** @description What went wrong with this request. */
            detail?: string | null;
            /** @description The request path that failed. */
            instance?: string | null;
        };
        RasSessionDto: {
            /**
             * Format: int32
             * @description The session's int32 id (use it with /api/Session/{SessionId}/logoff).
             */
            sessionId: number;
            /** @description Send in the `auth_token` header of every later call. */
            authToken: string;
            userId: string;
            username: string;
        };
        RasSessionInfoDto: {
            /** Format: int32 */
            sessionId: number;
            userId: string;
            /** @description The API surface the session was opened through (native, ras, …). */
            surface: string;
            deviceName: string | null;
            ip: string | null;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        RasLogonDto: {
            /** @description Username or email of the administrator. */
            username: string;
            password: string;
        };
        ChimeErrorDto: {
            /** @enum {string} */
            Code: "BadRequest" | "Conflict" | "Unauthorized" | "Forbidden" | "NotFound" | "Throttled" | "ServiceFailure" | "ServiceUnavailable";
            Message: string;
        };
        ChimeUserDto: {
            /**
             * @description Always "Registered": every user here can log in.
             * @enum {string}
             */
            UserRegistrationStatus: "Registered";
            /** @enum {string} */
            UserType: "PrivateUser";
            UserId: string;
            AccountId: string;
            PrimaryEmail: string;
            DisplayName: string;
            /** @description When the user was created (ISO 8601). */
            RegisteredOn: string;
        };
        GetUserResponseDto: {
            User: components["schemas"]["ChimeUserDto"];
        };
        ListUsersResponseDto: {
            /** @description Present when there are more users: pass it back as `next-token`. */
            NextToken?: string;
            Users: components["schemas"]["ChimeUserDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Malformed body or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Wrong credentials (unknown user and wrong password look the same) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "INVALID_CREDENTIALS",
                     *       "message": "Invalid username or password",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "TOO_MANY_REQUESTS",
                     *       "message": "Too many login attempts; retry later",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "retryAfterSeconds": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Malformed body or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unknown, expired or reused refresh token (a reused one also ends its session: REFRESH_TOKEN_REUSED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "REFRESH_TOKEN_INVALID",
                     *       "message": "Unknown or expired refresh token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: {
                /** @description local: this session; others: every other session of mine; global: all my sessions. */
                scope?: "local" | "others" | "global";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationReceiptDto"];
                };
            };
            /** @description Malformed body or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: `details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChangedDto"];
                };
            };
            /** @description Malformed body or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED), or a wrong current password (INVALID_CREDENTIALS)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "TOO_MANY_REQUESTS",
                     *       "message": "Too many login attempts; retry later",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "retryAfterSeconds": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_reauthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReauthenticateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReauthenticatedDto"];
                };
            };
            /** @description Malformed body or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED), or a wrong password (INVALID_CREDENTIALS)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "TOO_MANY_REQUESTS",
                     *       "message": "Too many login attempts; retry later",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "retryAfterSeconds": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentSessionDto"];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionsController_listOwn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionsController_revoke: {
        parameters: {
            query?: {
                /** @description Report what would be revoked, change nothing (the dry run is itself audited). */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ForcedLogoutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationReceiptDto"];
                };
            };
            /** @description Malformed session id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: `details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description System admin only: list another account. */
                accountId?: string;
                /** @description People search: users whose username or email starts with this text (case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the users.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission users.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "users.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description accountId is another account and you lack accounts.manage (answered as if it did not exist); an accountId that names no account lists no users */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "accountId is another account and you lack accounts.manage (answered as if it did not exist); an accountId that names no account lists no users",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the users.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission users.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "users.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description accountId names no account, or another account and you lack accounts.manage */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "accountId names no account, or another account and you lack accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Username or email taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "CONFLICT",
                     *       "message": "Username or email taken",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such user in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such user in your account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: `details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such user in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such user in your account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Email taken by another user (case-insensitive) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "CONFLICT",
                     *       "message": "Email taken by another user (case-insensitive)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_setRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRolesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the users.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission users.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "users.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such user in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such user in your account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_sessionsOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such user in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such user in your account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_logout: {
        parameters: {
            query?: {
                /** @description Report what would be revoked, change nothing (the dry run is itself audited). */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ForcedLogoutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationReceiptDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: `details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such user in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such user in your account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDto"][];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the users.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission users.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "users.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDto"];
                };
            };
            /** @description Malformed body, unknown fields or an unknown permission */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the users.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission users.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "users.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A role with that name exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "CONFLICT",
                     *       "message": "A role with that name exists",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionPolicyController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPolicyDto"];
                };
            };
            /** @description Malformed id or unknown query parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires accounts.manage or policy.manage
             *
             *     Not allowed for this caller
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such account, or another account and you lack accounts.manage */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such account, or another account and you lack accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionPolicyController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutSessionPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPolicyDto"];
                };
            };
            /** @description Malformed id or body, unknown fields, or a role the account does not have */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: `details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires accounts.manage or policy.manage
             *
             *     Not allowed for this caller
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-any",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-any"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such account, or another account and you lack accounts.manage */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such account, or another account and you lack accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"][];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the accounts.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "accounts.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the accounts.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "accounts.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "CONFLICT",
                     *       "message": "Name taken",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the accounts.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "accounts.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_logout: {
        parameters: {
            query?: {
                /** @description Report what would be revoked, change nothing (the dry run is itself audited). */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountLogoutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationReceiptDto"];
                };
            };
            /** @description Malformed id, query or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Missing, invalid, expired or revoked token
             *
             *     Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: `details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the sessions.revoke-account permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission sessions.revoke-account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "sessions.revoke-account"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"][];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the clients.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission clients.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "clients.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description Malformed id or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the clients.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission clients.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "clients.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
            /** @description Malformed id or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the clients.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission clients.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "clients.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ApiKeysController_listAccessKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessKeyDto"][];
                };
            };
            /** @description Malformed id or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the clients.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission clients.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "clients.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ApiKeysController_createAccessKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedAccessKeyDto"];
                };
            };
            /** @description Malformed id or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the clients.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission clients.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "clients.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ApiKeysController_revokeAccessKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                accessKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessKeyDto"];
                };
            };
            /** @description Malformed id or body, or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the clients.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission clients.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "clients.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "NOT_FOUND",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    OAuthController_introspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequestDto"];
                "application/json": components["schemas"]["TokenRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntrospectionResponseDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "INVALID_CLIENT",
                     *       "message": "Client authentication required (X-API-Key, Bearer or Basic)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    OAuthController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequestDto"];
                "application/json": components["schemas"]["TokenRequestDto"];
            };
        };
        responses: {
            /** @description Revoked, or already invalid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "INVALID_CLIENT",
                     *       "message": "Client authentication required (X-API-Key, Bearer or Basic)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The key holds no sessions.revoke-any: it was not granted it, or its creator no longer holds it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "The key holds no sessions.revoke-any: it was not granted it, or its creator no longer holds it",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvalidationStreamController_stream: {
        parameters: {
            query?: never;
            header: {
                "last-event-id": string;
                /** @description The id of the last event received, to resume after it */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream of invalidation, heartbeat and reset events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "INVALID_CLIENT",
                     *       "message": "Client authentication required (X-API-Key, Bearer or Basic)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description This instance cannot prove it hears every invalidation right now; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "SERVICE_UNAVAILABLE",
                     *       "message": "This instance cannot prove it hears every invalidation right now; retry",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfDiscoveryController_metadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransmitterMetadataDto"];
                };
            };
        };
    };
    SsfDiscoveryController_jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksDto"];
                };
            };
        };
    };
    SsfStreamsController_read: {
        parameters: {
            query?: {
                stream_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With stream_id one configuration, without it a list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamConfigurationDto"];
                };
            };
            /** @description Invalid stream_id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStreamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamConfigurationDto"];
                };
            };
            /** @description Invalid body, URL refused (https, public address), or unknown subject format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStreamDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamConfigurationDto"];
                };
            };
            /** @description Invalid body, URL refused (https, public address), or unknown subject format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_remove: {
        parameters: {
            query: {
                stream_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid stream_id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStreamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamConfigurationDto"];
                };
            };
            /** @description Invalid body, URL refused (https, public address), or unknown subject format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_status: {
        parameters: {
            query: {
                stream_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamStatusDto"];
                };
            };
            /** @description Invalid stream_id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_setStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStreamStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamStatusDto"];
                };
            };
            /** @description Invalid stream_id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_addSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StreamSubjectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body, URL refused (https, public address), or unknown subject format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_removeSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StreamSubjectDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body, URL refused (https, public address), or unknown subject format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyStreamDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid stream_id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SsfStreamsController_poll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PollRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PollResponseDto"];
                };
            };
            /** @description Invalid stream_id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "INVALID_CLIENT",
                     *       "message": "Client authentication required (X-API-Key, Bearer or Basic)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BackchannelReceiversController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackchannelReceiverDto"][];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BackchannelReceiversController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBackchannelReceiverDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackchannelReceiverDto"];
                };
            };
            /** @description Invalid body, or a URI refused (https, public address) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BackchannelReceiversController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid receiver id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the receivers.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission receivers.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "receivers.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such receiver in your account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such receiver in your account",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BackchannelReceiversController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyRotationDto"];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the accounts.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "accounts.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventDetailDto"];
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the audit.read permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such event in your account (another account's event, without accounts.manage, is answered the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such event in your account (another account's event, without accounts.manage, is answered the same)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
                accountId?: string & (string | "none");
                limit?: number;
                /** @description The `nextCursor` of a page: the page after it (older events). */
                cursor?: string;
                /** @description The `prevCursor` of a page: the page before it (newer events). Not with `cursor`. */
                before?: string;
                /** @description One action or several, comma-separated (e.g. session.forced_logout,session.logout). */
                action?: ("session.login" | "session.logout" | "session.forced_logout" | "session.revoked_all" | "session.refresh_reuse" | "session.policy_logout" | "session.reauthenticated" | "auth.step_up_required" | "auth.login_failed" | "auth.login_throttled" | "auth.permission_denied" | "user.created" | "user.updated" | "user.password_changed" | "user.disabled" | "user.roles_changed" | "role.created" | "account.created" | "account.updated" | "session_policy.updated" | "client.created" | "client.revoked" | "access_key.created" | "access_key.revoked" | "audit.retention_run" | "receiver.created" | "receiver.updated" | "receiver.deleted" | "delivery.failed" | "signing_key.rotated" | "audit_stream.created" | "audit_stream.updated" | "audit_stream.deleted")[];
                actorUserId?: string;
                targetUserId?: string;
                /** @description The actor by username or email (exact, case-insensitive), a user of the account read. */
                actorName?: string;
                /** @description The target by username or email (exact, case-insensitive), a user of the account read. */
                targetName?: string;
                surface?: "native" | "rocketchat" | "uberall" | "zap" | "ras" | "chime" | "system";
                outcome?: "success" | "failure" | "denied";
                /** @description Case-insensitive text the reason contains. */
                reason?: string;
                /** @description Inclusive lower bound (ISO 8601, years 0001-9999). */
                from?: string;
                /** @description Exclusive upper bound (ISO 8601, years 0001-9999). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.read permission
             *
             *     Requires the audit.read permission; `none` (the events that belong to no account) also requires accounts.manage
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches.",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query: {
                /** @description Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
                accountId?: string & (string | "none");
                /** @description csv (RFC 4180, formula-safe) or ndjson (one AuditEvent JSON per line). */
                format: "csv" | "ndjson";
                /** @description One action or several, comma-separated (e.g. session.forced_logout,session.logout). */
                action?: ("session.login" | "session.logout" | "session.forced_logout" | "session.revoked_all" | "session.refresh_reuse" | "session.policy_logout" | "session.reauthenticated" | "auth.step_up_required" | "auth.login_failed" | "auth.login_throttled" | "auth.permission_denied" | "user.created" | "user.updated" | "user.password_changed" | "user.disabled" | "user.roles_changed" | "role.created" | "account.created" | "account.updated" | "session_policy.updated" | "client.created" | "client.revoked" | "access_key.created" | "access_key.revoked" | "audit.retention_run" | "receiver.created" | "receiver.updated" | "receiver.deleted" | "delivery.failed" | "signing_key.rotated" | "audit_stream.created" | "audit_stream.updated" | "audit_stream.deleted")[];
                actorUserId?: string;
                targetUserId?: string;
                /** @description The actor by username or email (exact, case-insensitive), a user of the account read. */
                actorName?: string;
                /** @description The target by username or email (exact, case-insensitive), a user of the account read. */
                targetName?: string;
                surface?: "native" | "rocketchat" | "uberall" | "zap" | "ras" | "chime" | "system";
                outcome?: "success" | "failure" | "denied";
                /** @description Case-insensitive text the reason contains. */
                reason?: string;
                /** @description Inclusive lower bound (ISO 8601, years 0001-9999). */
                from?: string;
                /** @description Exclusive upper bound (ISO 8601, years 0001-9999). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Attachment audit-events.csv or audit-events.ndjson */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.read permission
             *
             *     Requires the audit.read permission; `none` (the events that belong to no account) also requires accounts.manage
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches.",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_summary: {
        parameters: {
            query?: {
                /** @description Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
                accountId?: string & (string | "none");
                /** @description One action or several, comma-separated (e.g. session.forced_logout,session.logout). */
                action?: ("session.login" | "session.logout" | "session.forced_logout" | "session.revoked_all" | "session.refresh_reuse" | "session.policy_logout" | "session.reauthenticated" | "auth.step_up_required" | "auth.login_failed" | "auth.login_throttled" | "auth.permission_denied" | "user.created" | "user.updated" | "user.password_changed" | "user.disabled" | "user.roles_changed" | "role.created" | "account.created" | "account.updated" | "session_policy.updated" | "client.created" | "client.revoked" | "access_key.created" | "access_key.revoked" | "audit.retention_run" | "receiver.created" | "receiver.updated" | "receiver.deleted" | "delivery.failed" | "signing_key.rotated" | "audit_stream.created" | "audit_stream.updated" | "audit_stream.deleted")[];
                actorUserId?: string;
                targetUserId?: string;
                /** @description The actor by username or email (exact, case-insensitive), a user of the account read. */
                actorName?: string;
                /** @description The target by username or email (exact, case-insensitive), a user of the account read. */
                targetName?: string;
                surface?: "native" | "rocketchat" | "uberall" | "zap" | "ras" | "chime" | "system";
                outcome?: "success" | "failure" | "denied";
                /** @description Case-insensitive text the reason contains. */
                reason?: string;
                /** @description Inclusive lower bound (ISO 8601, years 0001-9999). */
                from?: string;
                /** @description Exclusive upper bound (ISO 8601, years 0001-9999). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditSummaryDto"];
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.read permission
             *
             *     Requires the audit.read permission; `none` (the events that belong to no account) also requires accounts.manage
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches.",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /**
                 * @description Account whose chain to verify; defaults to the caller's. Another account, or `none` for the chain of
                 *     the events that belong to no account: system admin only.
                 */
                accountId?: string & (string | "none");
                /** @description Alias of `accountId` (the name this parameter had first); send one of the two. Another account, or `none` for the events that belong to no account: system admin only. */
                account?: string & (string | "none");
                /** @description Verify events from this instant on (inclusive, ISO 8601, years 0001-9999); the first one is anchored by its own prev_hash. Omitted: from the chain's start. */
                from?: string;
                /** @description Up to this instant (exclusive, ISO 8601, years 0001-9999). Omitted: up to the newest event. */
                to?: string;
                /**
                 * @description A checkpoint to check the chain against: the compact JWS a sink received (typ audit-checkpoint+jwt).
                 *     One of `checkpoint`, `checkpointId` and `checkpoints`; not with `from`/`to` (a checkpoint is checked
                 *     against its whole chain).
                 */
                checkpoint?: string;
                /** @description A checkpoint by its id (GET /v1/audit/checkpoints/{id}); its signature is checked all the same. */
                checkpointId?: string;
                /** @description `directory`: the newest checkpoint of each of the account's chains in the directory sink (AUDIT_CHECKPOINT_DIR). */
                checkpoints?: "directory";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyResultDto"];
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.read permission
             *
             *     Requires the audit.read permission; `none` (the events that belong to no account) also requires accounts.manage
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches.",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_createCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuditCheckpointsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpointListDto"];
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.read permission
             *
             *     Requires the audit.read permission; `none` (the events that belong to no account) also requires accounts.manage
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "The account named is another account and you lack accounts.manage (answered as if it did not exist). An account id that names no account is not an error: nothing matches.",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_getCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpointDto"];
                };
            };
            /** @description Invalid filter, range or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the audit.read permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.read",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.read"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such checkpoint in your account (another account's, without accounts.manage, is answered the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such checkpoint in your account (another account's, without accounts.manage, is answered the same)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_runRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditRetentionResultDto"];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Requires the accounts.manage permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission accounts.manage",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "accounts.manage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditStreamsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStreamDto"][];
                };
            };
            /** @description An unknown query parameter (this operation takes none) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.stream and audit.read permissions
             *
             *     Requires the audit.stream permission
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.stream",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.stream"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditStreamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuditStreamDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStreamDto"];
                };
            };
            /** @description Invalid body, a setting of another kind, a missing secret, or a destination refused (https, public address) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.stream and audit.read permissions
             *
             *     Requires the audit.stream permission
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.stream",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.stream"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditStreamsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStreamDto"];
                };
            };
            /** @description Invalid stream id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.stream and audit.read permissions
             *
             *     Requires the audit.stream permission
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.stream",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.stream"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account (another account's stream is answered the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such stream in your account (another account's stream is answered the same)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditStreamsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid stream id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.stream and audit.read permissions
             *
             *     Requires the audit.stream permission
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.stream",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.stream"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account (another account's stream is answered the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such stream in your account (another account's stream is answered the same)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditStreamsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAuditStreamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStreamDto"];
                };
            };
            /** @description Invalid body or id, a setting of another kind, or a destination refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.stream and audit.read permissions
             *
             *     Requires the audit.stream permission
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.stream",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.stream"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account (another account's stream is answered the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such stream in your account (another account's stream is answered the same)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditStreamsController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStreamStatusDto"];
                };
            };
            /** @description Invalid stream id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "VALIDATION_FAILED",
                     *       "message": "unexpected: property unexpected should not exist",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "errors": [
                     *           {
                     *             "field": "unexpected",
                     *             "problems": [
                     *               "property unexpected should not exist"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "UNAUTHENTICATED",
                     *       "message": "Missing, invalid, expired or revoked token",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /**
             * @description Requires the audit.stream and audit.read permissions
             *
             *     Requires the audit.stream permission
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "PERMISSION_DENIED",
                     *       "message": "Missing permission audit.stream",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b",
                     *       "details": {
                     *         "permission": "audit.stream"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such stream in your account (another account's stream is answered the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "NOT_FOUND",
                     *       "message": "No such stream in your account (another account's stream is answered the same)",
                     *       "requestId": "3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    RocketChatController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RocketChatLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatLoginResponseDto"];
                };
            };
            /** @description Malformed body or unknown fields (errorType invalid-params) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
            /** @description Wrong credentials (unknown user and wrong password look the same) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatLoginFailedDto"];
                };
            };
            /** @description Too many login attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
        };
    };
    RocketChatController_logoutGet: {
        parameters: {
            query?: never;
            header: {
                /** @description The authenticated user token. */
                "X-Auth-Token": string;
                /** @description The authenticated user ID. */
                "X-User-Id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatLogoutResponseDto"];
                };
            };
            /** @description Malformed body or unknown fields (errorType invalid-params) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatUnauthorizedDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
        };
    };
    RocketChatController_logoutPost: {
        parameters: {
            query?: never;
            header: {
                /** @description The authenticated user token. */
                "X-Auth-Token": string;
                /** @description The authenticated user ID. */
                "X-User-Id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatLogoutResponseDto"];
                };
            };
            /** @description Malformed body or unknown fields (errorType invalid-params) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatUnauthorizedDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
        };
    };
    "post-api-v1-users.logout": {
        parameters: {
            query?: never;
            header: {
                /** @description The authenticated user token. */
                "X-Auth-Token": string;
                /** @description The authenticated user ID. */
                "X-User-Id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RocketChatUsersLogoutDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatUsersLogoutResponseDto"];
                };
            };
            /** @description Malformed body or unknown fields (errorType invalid-params) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatUnauthorizedDto"];
                };
            };
            /** @description Missing the logout-other-user permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RocketChatErrorDto"];
                };
            };
        };
    };
    UberallController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UberallLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallLoginResponseDto"];
                };
            };
            /** @description INVALID_PARAMETER: malformed body, unknown fields or a bad id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description BAD_PUBLIC_KEY: missing or unknown X-API-KEY; BAD_PRIVATE_KEY: wrong private_key, or a key without one; NOT_AUTHORIZED: wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description QUOTA_LIMIT_EXCEED: too many login attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description SERVER_ERROR: the database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
        };
    };
    UberallController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallLogoutResponseDto"];
                };
            };
            /** @description INVALID_PARAMETER: malformed body, unknown fields or a bad id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description BAD_PUBLIC_KEY: missing or unknown X-API-KEY; BAD_ACCESS_TOKEN: missing, invalid, revoked or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description SERVER_ERROR: the database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
        };
    };
    UberallController_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallAllSessionsResponseDto"];
                };
            };
            /** @description INVALID_PARAMETER: malformed body, unknown fields or a bad id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description BAD_PUBLIC_KEY: missing or unknown X-API-KEY; BAD_ACCESS_TOKEN: missing, invalid, revoked or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description FORBIDDEN: missing the sessions.revoke-any permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description NOT_FOUND: no such user (or one of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
            /** @description SERVER_ERROR: the database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UberallErrorDto"];
                };
            };
        };
    };
    ZapController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ZapLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapLoginResponseDto"];
                };
            };
            /** @description Malformed request: invalid parameters or body content */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description Wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description Too many login attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description An error occured while processing the request */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
        };
    };
    ZapController_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapLogoutResponseDto"];
                };
            };
            /** @description Malformed request: invalid parameters or body content */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description Another user: needs the sessions.revoke-any permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description No such user (or one of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description An error occured while processing the request */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
        };
    };
    ZapController_logoutDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ZapDeviceLogoutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapLogoutResponseDto"];
                };
            };
            /** @description Malformed request: invalid parameters or body content */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description Another user: needs the sessions.revoke-any permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description No such user (or one of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description An error occured while processing the request */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZapErrorDto"];
                };
            };
        };
    };
    RasSessionController_logon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RasLogonDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["RasSessionDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RasSessionController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["RasSessionInfoDto"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RasSessionController_logoff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RasSessionController_logoffOther: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Session ID of the Admin to be Disconnected. */
                SessionId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; api-version=1.0": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChimeUsersController_getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account of the access key that signs the request. */
                accountId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetUserResponseDto"];
                };
            };
            /** @description BadRequestException: The input parameters don't match the service's restrictions. */
            400: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description UnauthorizedClientException: The client is not currently authorized to make the request (missing, stale or wrong signature; unknown or revoked key). */
            401: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ForbiddenException: The client is permanently forbidden from making the request (the path names another account than the key's). */
            403: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description NotFoundException: One or more of the resources in the request does not exist in the system (or belongs to another account). */
            404: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ThrottledClientException: The client exceeded its request rate limit. */
            429: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ServiceFailureException: The service encountered an unexpected error. */
            500: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ServiceUnavailableException: The service is currently unavailable. */
            503: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
        };
    };
    ChimeUsersController_logoutUser: {
        parameters: {
            query: {
                operation: "logout";
            };
            header?: never;
            path: {
                /** @description The account of the access key that signs the request. */
                accountId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's sessions have ended (empty body). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BadRequestException: The input parameters don't match the service's restrictions. */
            400: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description UnauthorizedClientException: The client is not currently authorized to make the request (missing, stale or wrong signature; unknown or revoked key). */
            401: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ForbiddenException: The client is permanently forbidden from making the request (the path names another account than the key's). */
            403: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description NotFoundException: One or more of the resources in the request does not exist in the system (or belongs to another account). */
            404: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ThrottledClientException: The client exceeded its request rate limit. */
            429: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ServiceFailureException: The service encountered an unexpected error. */
            500: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ServiceUnavailableException: The service is currently unavailable. */
            503: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
        };
    };
    ChimeUsersController_listUsers: {
        parameters: {
            query?: {
                /** @description Only the user with this email address (case-insensitive). */
                "user-email"?: string;
                /** @description Every user here is a `PrivateUser`; `SharedDevice` lists none. */
                "user-type"?: "PrivateUser" | "SharedDevice";
                /** @description Users per page, 1–200 (Chime's limits); 100 when absent. */
                "max-results"?: string;
                /** @description The `NextToken` of the previous page. */
                "next-token"?: string;
            };
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListUsersResponseDto"];
                };
            };
            /** @description BadRequestException: The input parameters don't match the service's restrictions. */
            400: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description UnauthorizedClientException: The client is not currently authorized to make the request (missing, stale or wrong signature; unknown or revoked key). */
            401: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ForbiddenException: The client is permanently forbidden from making the request (the path names another account than the key's). */
            403: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description NotFoundException: One or more of the resources in the request does not exist in the system (or belongs to another account). */
            404: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ThrottledClientException: The client exceeded its request rate limit. */
            429: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ServiceFailureException: The service encountered an unexpected error. */
            500: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
            /** @description ServiceUnavailableException: The service is currently unavailable. */
            503: {
                headers: {
                    /** @description The exception the SDK raises */
                    "x-amzn-ErrorType"?: string;
                    /** @description Request id */
                    "x-amzn-RequestId"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChimeErrorDto"];
                };
            };
        };
    };
}
