import { validateEnvironment } from './env.validation.js';

describe('validateEnvironment', () => {
  it('applies safe defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.COMPAT_CHIME_PREFIX).toBe('/compat/chime');
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.SWAGGER_ENABLED).toBe(true);
  });

  it('reads booleans and numbers from their text', () => {
    const env = validateEnvironment({ TRUST_PROXY: 'true', SWAGGER_ENABLED: 'false', PORT: '8080', COMPAT_ZAP_PREFIX: '' });
    expect(env).toMatchObject({ TRUST_PROXY: true, SWAGGER_ENABLED: false, PORT: 8080, COMPAT_ZAP_PREFIX: '' });
  });

  it('keeps Chime replay protection on unless it is turned off in so many words', () => {
    expect(validateEnvironment({}).CHIME_REPLAY_PROTECTION).toBe(true);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: '' }).CHIME_REPLAY_PROTECTION).toBe(true);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: 'false' }).CHIME_REPLAY_PROTECTION).toBe(false);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: 'OFF' }).CHIME_REPLAY_PROTECTION).toBe(false);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: 'true' }).CHIME_REPLAY_PROTECTION).toBe(true);
    expect(() => validateEnvironment({ CHIME_REPLAY_PROTECTION: 'flase' })).toThrow(/CHIME_REPLAY_PROTECTION must be true or false/);
  });

  it('refuses to start and lists every bad key', () => {
    let message = '';
    try {
      validateEnvironment({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', BOOTSTRAP_ADMIN_PASSWORD: 'short' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration/);
    for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'BOOTSTRAP_ADMIN_PASSWORD']) expect(message).toContain(key);
    expect(message).not.toContain('short');
  });
});
