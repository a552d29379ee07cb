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

  it('reads the usual words for a boolean, in any case', () => {
    for (const [text, value] of [['1', true], ['YES', true], ['On', true], ['0', false], ['no', false], ['OFF', false], [' false ', false]] as const) {
      expect({ text, value: validateEnvironment({ SWAGGER_ENABLED: text }).SWAGGER_ENABLED }).toEqual({ text, value });
    }
  });

  it('refuses any other boolean text instead of reading it as false', () => {
    expect(() => validateEnvironment({ SWAGGER_ENABLED: 'nope' })).toThrow(/SWAGGER_ENABLED must be one of 1, true, yes, on, 0, false, no, off/);
    expect(() => validateEnvironment({ TRUST_PROXY: 'enabled' })).toThrow(/TRUST_PROXY must be one of/);
  });

  it('gives one message per bad key, in one list', () => {
    let message = '';
    try {
      validateEnvironment({ PORT: 'abc', SWAGGER_ENABLED: 'nope', ACCESS_TOKEN_TTL: '5' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid configuration:',
      '  - PORT: PORT must be an integer number',
      '  - ACCESS_TOKEN_TTL: ACCESS_TOKEN_TTL must not be less than 30',
      '  - SWAGGER_ENABLED: SWAGGER_ENABLED must be one of 1, true, yes, on, 0, false, no, off',
    ]);
  });

  it('keeps Chime replay protection on unless it is turned off in so many words', () => {
    expect(validateEnvironment({}).CHIME_REPLAY_PROTECTION).toBe(true);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: '' }).CHIME_REPLAY_PROTECTION).toBe(true);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: 'false' }).CHIME_REPLAY_PROTECTION).toBe(false);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: 'OFF' }).CHIME_REPLAY_PROTECTION).toBe(false);
    expect(validateEnvironment({ CHIME_REPLAY_PROTECTION: 'true' }).CHIME_REPLAY_PROTECTION).toBe(true);
    expect(() => validateEnvironment({ CHIME_REPLAY_PROTECTION: 'flase' })).toThrow(/CHIME_REPLAY_PROTECTION must be one of 1, true, yes, on, 0, false, no, off/);
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

  it('serves metrics on loopback by default, and refuses a reachable metrics listener without a token', () => {
    expect(validateEnvironment({})).toMatchObject({ METRICS_ENABLED: true, METRICS_HOST: '127.0.0.1', METRICS_PORT: 9464, METRICS_TOKEN: undefined });
    expect(() => validateEnvironment({ METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN/);
    expect(() => validateEnvironment({ METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(validateEnvironment({ METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'a-long-enough-scrape-token' })).toMatchObject({ METRICS_HOST: '0.0.0.0' });
    expect(validateEnvironment({ METRICS_HOST: '0.0.0.0', METRICS_ENABLED: 'false' })).toMatchObject({ METRICS_ENABLED: false });
    expect(validateEnvironment({ METRICS_HOST: '::1', METRICS_PORT: '0' })).toMatchObject({ METRICS_PORT: 0 });
  });
});
