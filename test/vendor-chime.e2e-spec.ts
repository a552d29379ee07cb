import { Sha256 } from '@aws-crypto/sha256-js';
import {
  BadRequestException,
  ChimeClient,
  ForbiddenException,
  GetUserCommand,
  ListUsersCommand,
  LogoutUserCommand,
  NotFoundException,
  UnauthorizedClientException,
} from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp, urlOf } from './support/test-app.js';
import { vendorContract } from './support/vendor-contracts.js';
import { Credentials, rejection } from './support/chime.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const PREFIX = '/compat/chime';

/** LogoutUser as the vendor's API reference states it (test/fixtures/vendor-contracts/amazon-chime-logout-user.json). */
const CONTRACT = vendorContract<{
  endpoint: { method: string; path: string; query: Record<string, string> };
  response: { status: number; body: string };
  errors: Record<string, number>;
}>('amazon-chime-logout-user.json');



describe('Amazon Chime dialect (/compat/chime) with the real AWS SDK', () => {
  let app: NestFastifyApplication;
  let adminToken: string;
  let accountId: string;
  let otherAccountId: string;
  let key: Credentials;

  const http = () => request(app.getHttpServer());
  // maxAttempts 1: the SDK would otherwise retry 429/500/503 and slow the suite down.
  const chime = (credentials: Credentials) => new ChimeClient({ region: 'us-east-1', endpoint: `${urlOf(app)}${PREFIX}`, credentials, maxAttempts: 1 });
  const issueKey = async (account: string): Promise<Credentials> => {
    const res = await http().post(`/v1/accounts/${account}/access-keys`).set(bearer(adminToken)).expect(201);
    return { accessKeyId: res.body.accessKeyId, secretAccessKey: res.body.secretAccessKey };
  };
  const auditEvents = async (query: string) =>
    (await http().get(`/v1/audit/events?${query}`).set(bearer(adminToken)).expect(200)).body.items as Record<string, unknown>[];
  const meStatus = async (token: string) => (await http().get('/v1/auth/me').set(bearer(token))).status;

  /** A request signed the way the SDK signs it, for what the SDK itself would never send. */
  async function signedRequest(method: 'GET' | 'POST', pathAndQuery: string, credentials: Credentials, signingDate = new Date()) {
    const url = new URL(`${urlOf(app)}${pathAndQuery}`);
    const unsigned = new HttpRequest({
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host },
    });
    const signer = new SignatureV4({ service: 'chime', region: 'us-east-1', credentials, sha256: Sha256 });
    const signed = await signer.sign(unsigned, { signingDate });
    return request(urlOf(app))[method === 'GET' ? 'get' : 'post'](`${url.pathname}${url.search}`).set(signed.headers);
  }

  beforeAll(async () => {
    app = await startApp(await createTestDatabase());
    adminToken = (await loginAdmin(app)).accessToken;
    accountId = (await http().get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body.user.accountId;
    otherAccountId = (await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `chime-other-${Date.now()}` }).expect(201)).body.id;
    key = await issueKey(accountId);
  });
  afterAll(() => app?.close());

  it('LogoutUser ends every session of the user at once (204, native tokens refused) and is audited', async () => {
    const user = await createUser(app, adminToken);
    const second = await login(app, user.username, user.password);
    const out = await chime(key).send(new LogoutUserCommand({ AccountId: accountId, UserId: user.userId }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(out.$metadata.requestId).toEqual(expect.any(String));
    expect(await meStatus(user.accessToken)).toBe(401);
    expect(await meStatus(second.accessToken)).toBe(401);
    expect(await meStatus(adminToken)).toBe(200);

    const events = await auditEvents(`action=session.forced_logout&surface=chime&targetUserId=${user.userId}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      reason: 'chime logout',
      sessionCount: 2,
      accountId,
      actor: expect.objectContaining({ userId: null, label: `access-key:${key.accessKeyId}` }),
      details: expect.objectContaining({ actorKind: 'access-key', credentialId: key.accessKeyId }),
    });

    // Idempotent: a user with no live session logs out again just as well.
    const again = await chime(key).send(new LogoutUserCommand({ AccountId: accountId, UserId: user.userId }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    // A UUID is the same id in either case: the key's own account in upper case is still its own.
    const upper = await chime(key).send(new LogoutUserCommand({ AccountId: accountId.toUpperCase(), UserId: user.userId.toUpperCase() }));
    expect(upper.$metadata.httpStatusCode).toBe(204);
  });

  it('GetUser describes a user of the key\'s account', async () => {
    const user = await createUser(app, adminToken);
    const out = await chime(key).send(new GetUserCommand({ AccountId: accountId, UserId: user.userId }));
    expect(out.User).toMatchObject({
      UserId: user.userId,
      AccountId: accountId,
      PrimaryEmail: `${user.username}@example.test`,
      DisplayName: user.username,
      UserRegistrationStatus: 'Registered',
      UserType: 'PrivateUser',
      RegisteredOn: expect.any(Date),
    });
  });

  it('ListUsers pages through the key\'s account, filters by email, and refuses another account', async () => {
    const made = [await createUser(app, adminToken), await createUser(app, adminToken), await createUser(app, adminToken)];
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await chime(key).send(new ListUsersCommand({ AccountId: accountId, MaxResults: 2, NextToken: token }));
      expect(page.Users!.length).toBeLessThanOrEqual(2);
      for (const u of page.Users!) expect(u).toMatchObject({ AccountId: accountId, UserType: 'PrivateUser', UserRegistrationStatus: 'Registered' });
      seen.push(...page.Users!.map((u) => u.UserId!));
      token = page.NextToken;
      pages++;
    } while (token && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(made.map((u) => u.userId)));
    const byEmail = await chime(key).send(new ListUsersCommand({ AccountId: accountId, UserEmail: `${made[1].username.toUpperCase()}@EXAMPLE.TEST` }));
    expect(byEmail.Users!.map((u) => u.UserId)).toEqual([made[1].userId]);
    expect(byEmail.NextToken).toBeUndefined();
    expect((await chime(key).send(new ListUsersCommand({ AccountId: accountId, UserType: 'SharedDevice' }))).Users).toEqual([]);
    expect(await rejection(chime(key).send(new ListUsersCommand({ AccountId: otherAccountId })))).toBeInstanceOf(ForbiddenException);
    expect(await rejection(chime(key).send(new ListUsersCommand({ AccountId: accountId, MaxResults: 500 })))).toBeInstanceOf(BadRequestException);
    expect(await rejection(chime(key).send(new ListUsersCommand({ AccountId: accountId, NextToken: 'not-a-token' })))).toBeInstanceOf(BadRequestException);
  });

  it('refuses another account in the path with ForbiddenException (audited), changing nothing', async () => {
    const stranger = await createUser(app, adminToken, { accountId: otherAccountId });
    const error = await rejection(chime(key).send(new LogoutUserCommand({ AccountId: otherAccountId, UserId: stranger.userId })));
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe('This credential does not act in that account');
    expect(await meStatus(stranger.accessToken)).toBe(200);
    expect(await rejection(chime(key).send(new GetUserCommand({ AccountId: otherAccountId, UserId: stranger.userId })))).toBeInstanceOf(ForbiddenException);

    const denied = await auditEvents('action=auth.permission_denied&surface=chime&outcome=denied');
    const logoutDenial = denied.find((e) => (e.details as Record<string, unknown>).attempted === 'chime:LogoutUser');
    expect(logoutDenial).toMatchObject({ accountId, reason: 'cross_account', details: expect.objectContaining({ targetAccountId: otherAccountId, pathUserId: stranger.userId }) });
  });

  it('answers an unknown user and another account\'s user with the same NotFoundException', async () => {
    const stranger = await createUser(app, adminToken, { accountId: otherAccountId });
    const foreign = await rejection(chime(key).send(new LogoutUserCommand({ AccountId: accountId, UserId: stranger.userId })));
    const unknown = await rejection(chime(key).send(new LogoutUserCommand({ AccountId: accountId, UserId: randomUUID() })));
    expect(foreign).toBeInstanceOf(NotFoundException);
    expect(unknown).toBeInstanceOf(NotFoundException);
    expect(foreign.$metadata.httpStatusCode).toBe(404);
    expect(foreign.message).toBe(unknown.message);
    expect(await meStatus(stranger.accessToken)).toBe(200);
    expect(await rejection(chime(key).send(new GetUserCommand({ AccountId: accountId, UserId: stranger.userId })))).toBeInstanceOf(NotFoundException);
    // The core audits the cross-account attempt (the unknown id is simply not found).
    const [denied] = await auditEvents(`action=session.forced_logout&outcome=denied&surface=chime&targetUserId=${stranger.userId}`);
    expect(denied).toMatchObject({ reason: 'cross_account' });
  });

  it('answers malformed ids and other operations with BadRequestException', async () => {
    const badUser = await rejection(chime(key).send(new LogoutUserCommand({ AccountId: accountId, UserId: 'not-a-uuid' })));
    expect(badUser).toBeInstanceOf(BadRequestException);
    expect(badUser.$metadata.httpStatusCode).toBe(400);
    expect(badUser.message).toContain('userId');
    const badAccount = await rejection(chime(key).send(new LogoutUserCommand({ AccountId: 'not-an-account', UserId: randomUUID() })));
    expect(badAccount).toBeInstanceOf(BadRequestException);

    const user = await createUser(app, adminToken);
    for (const query of ['?operation=reset-personal-pin', '', '?operation=logout&extra=1']) {
      const res = await signedRequest('POST', `${PREFIX}/accounts/${accountId}/users/${user.userId}${query}`, key);
      expect(res.status).toBe(400);
      expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
      expect(res.body).toEqual({ Code: 'BadRequest', Message: expect.any(String) });
    }
    expect(await meStatus(user.accessToken)).toBe(200);
    // The same signed helper does succeed with the right operation (so the 400s above are about the query).
    const ok = await signedRequest('POST', `${PREFIX}/accounts/${accountId}/users/${user.userId}?operation=logout`, key);
    expect(ok.status).toBe(204);
    expect(ok.headers['x-amzn-requestid']).toEqual(expect.any(String));
    expect(ok.text).toBe('');
    expect(await meStatus(user.accessToken)).toBe(401);
  });

  it('refuses a wrong secret, an unknown key, a revoked key and a stale signature with UnauthorizedClientException', async () => {
    const user = await createUser(app, adminToken);
    const logout = (credentials: Credentials) => chime(credentials).send(new LogoutUserCommand({ AccountId: accountId, UserId: user.userId }));

    const wrongSecret = await rejection(logout({ ...key, secretAccessKey: `${key.secretAccessKey}x` }));
    expect(wrongSecret).toBeInstanceOf(UnauthorizedClientException);
    expect(wrongSecret.$metadata.httpStatusCode).toBe(401);
    expect(await rejection(logout({ ...key, accessKeyId: 'AKIAUNKNOWNUNKNOWN12' }))).toBeInstanceOf(UnauthorizedClientException);

    const revoked = await issueKey(accountId);
    expect((await logout(revoked)).$metadata.httpStatusCode).toBe(204);
    await http().delete(`/v1/accounts/${accountId}/access-keys/${revoked.accessKeyId}`).set(bearer(adminToken)).expect(200);
    expect(await rejection(logout(revoked))).toBeInstanceOf(UnauthorizedClientException);

    const stale = await signedRequest('POST', `${PREFIX}/accounts/${accountId}/users/${user.userId}?operation=logout`, key, new Date(Date.now() - 20 * 60_000));
    expect(stale.status).toBe(401);
    expect(stale.headers['x-amzn-errortype']).toBe('UnauthorizedClientException');
    expect(stale.body.Message).toMatch(/Signature expired/);
  });

  it('answers an unsigned request with 401 in the Chime error shape', async () => {
    const res = await http().post(`${PREFIX}/accounts/${accountId}/users/${randomUUID()}?operation=logout`).expect(401);
    expect(res.headers['x-amzn-errortype']).toBe('UnauthorizedClientException');
    expect(res.headers['x-amzn-requestid']).toEqual(expect.any(String));
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ Code: 'Unauthorized', Message: expect.stringContaining('Signature Version 4') });
    // A native bearer token is not a Chime credential.
    const bearerOnly = await http().get(`${PREFIX}/accounts/${accountId}/users/${randomUUID()}`).set(bearer(adminToken)).expect(401);
    expect(bearerOnly.body.Code).toBe('Unauthorized');
    // Unknown routes under the prefix answer in the Chime shape too.
    for (const path of [`${PREFIX}/accounts/${accountId}/nothing`, `${PREFIX}/nothing`]) {
      const unknown = await http().get(path).expect(404);
      expect(unknown.headers['x-amzn-errortype']).toBe('NotFoundException');
      expect(unknown.body.Code).toBe('NotFound');
    }
  });

  it("answers LogoutUser and each refusal with the status the vendor's reference gives that exception", async () => {
    const user = await createUser(app, adminToken);
    const stranger = await createUser(app, adminToken, { accountId: otherAccountId });
    const path = (account: string, userId: string, query = CONTRACT.endpoint.query) =>
      `${PREFIX}${CONTRACT.endpoint.path.replace('{accountId}', account).replace('{userId}', userId)}?${new URLSearchParams(query)}`;
    const refusals = [
      await http().post(path(accountId, user.userId)),
      await signedRequest('POST', path(accountId, user.userId, { operation: 'reset-personal-pin' }), key),
      await signedRequest('POST', path(otherAccountId, stranger.userId), key),
      await signedRequest('POST', path(accountId, randomUUID()), key),
    ];
    expect(refusals.map((res) => res.headers['x-amzn-errortype'])).toEqual(['UnauthorizedClientException', 'BadRequestException', 'ForbiddenException', 'NotFoundException']);
    for (const res of refusals) expect(res.status).toBe(CONTRACT.errors[res.headers['x-amzn-errortype']]);
    expect(await meStatus(user.accessToken)).toBe(200);
    const ok = await signedRequest('POST', path(accountId, user.userId), key);
    expect({ status: ok.status, body: ok.text }).toEqual(CONTRACT.response);
    expect(await meStatus(user.accessToken)).toBe(401);
  });

  it('documents LogoutUser under the Amazon Chime tag with SigV4 security and the Chime error schema', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body;
    const op = doc.paths[`${PREFIX}/accounts/{accountId}/users/{userId}`].post;
    expect(op.tags).toEqual(['Amazon Chime']);
    expect(op.security).toEqual([{ 'chime-sigv4': [] }]);
    const errorStatuses = Object.values(CONTRACT.errors).map(String);
    expect(Object.keys(op.responses).sort()).toEqual([String(CONTRACT.response.status), ...errorStatuses].sort());
    expect(op.responses[String(CONTRACT.response.status)].content).toBeUndefined();
    for (const status of errorStatuses) {
      expect(op.responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ChimeErrorDto' });
    }
    expect(op.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'accountId', in: 'path', required: true }),
        expect.objectContaining({ name: 'userId', in: 'path', required: true }),
        expect.objectContaining({ name: 'operation', in: 'query', required: true, schema: expect.objectContaining({ enum: ['logout'] }) }),
      ]),
    );
    expect(Object.keys(doc.components.schemas.ChimeErrorDto.properties).sort()).toEqual(['Code', 'Message']);
    expect(doc.paths[`${PREFIX}/accounts/{accountId}/users/{userId}`].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/GetUserResponseDto',
    });
  });
});
