import { SchedulerRegistry } from '@nestjs/schedule';
import { RETENTION_JOBS } from '../src/audit/audit-retention.service.js';
import { closeTestApp, openTestApp, TestApp } from './support/test-app.js';

/** Background jobs are @nestjs/schedule jobs: registered with the app, cleared when it closes. */
describe('scheduled jobs', () => {
  let world: TestApp | undefined;

  beforeAll(async () => {
    world = await openTestApp();
  });
  afterAll(() => closeTestApp(world));

  it('registers audit retention (first run, then the interval) and clears both on shutdown', async () => {
    const registry = world!.app.get(SchedulerRegistry);
    expect(registry.getTimeouts()).toContain(RETENTION_JOBS.first);
    expect(registry.getIntervals()).toContain(RETENTION_JOBS.interval);
    await closeTestApp(world);
    world = undefined;
    expect(registry.getTimeouts()).toEqual([]);
    expect(registry.getIntervals()).toEqual([]);
  });
});
