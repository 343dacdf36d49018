import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults: port 3000, embedded database, demo data', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, databaseUrl: null, seedDemo: true, adminToken: null });
  });

  it('names every wrong variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT must be a whole number/);
      expect((e as Error).message).toMatch(/SEED_DEMO must be true or false/);
      expect((e as Error).message).toMatch(/LOG_LEVEL must be one of/);
    }
  });

  it('HEAP_GROWING_PERCENT: 100 unless given, 0 to 1000', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(100);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '-5' })).toThrow(/HEAP_GROWING_PERCENT/);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: 'lots' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it('never echoes a DATABASE_URL or ADMIN_TOKEN value', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://app:s3cretpw@db/x', ADMIN_TOKEN: 'short-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL must be a postgres/);
    expect(message).toMatch(/ADMIN_TOKEN must be at least 16/);
    expect(message).not.toContain('s3cretpw');
    expect(message).not.toContain('short-secret');
  });

  it('accepts a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PORT: '8080' })).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      port: 8080,
    });
  });

  it('LOG_FORMAT auto: readable lines on a terminal, JSON otherwise; a wrong value is named', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be auto, json or pretty/);
  });

  it('METRICS_TOKEN is at least 16 characters and never echoed', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-metrics' })).toThrow(/METRICS_TOKEN must be at least 16 characters long \(value not shown\)$/);
  });
});
