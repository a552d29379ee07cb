// The ~400-byte JSON answer of the bare baselines: the size of an introspection answer.
export const ANSWER = JSON.stringify({
  active: true,
  token_type: 'Bearer',
  sub: '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
  username: 'bench-user',
  exp: 1795310292,
  sid: '0b3a68ba-3930-4436-b259-b08178a57b32',
  account_id: 'a8108f86-16f9-4747-87aa-f21f08c37dc6',
  scope: 'sessions.read sessions.revoke',
  client_id: '32d0620d-8dde-4964-a8c1-0dbf899119f8',
});
