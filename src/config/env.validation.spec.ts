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
