import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBadge } from '../../server/badges/render-badge.ts';
import { fill, messagesFor } from '../../content/i18n/messages.ts';
import { levelLabel } from '../../server/pages/project/level-label.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// Untrusted names (a header, a job kind, an id from the model) looked up in plain objects find Object's own
// members: `constructor` is `Object`, which called as a processor returns its argument, the attacker's payload.
describe('names looked up in tables never reach the object prototype', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
  });
  afterAll(() => app.destroy());

  it('stores an event named "constructor" as ignored, not as processed with a forged note', async () => {
    const sent = await sendDelivery(app.url, 'constructor', { status: 'processed', note: 'forged by the sender' });
    expect(sent.status).toBe(202);
    await app.worker.drain();
    expect(app.store.deliveries.get(sent.id)).toMatchObject({
      status: 'ignored',
      note: 'the constructor event is not used by Magnolia',
    });
  });

  it('dead-letters a job of kind "constructor" at once: there is no handler of that name', async () => {
    const id = app.store.jobs.enqueue({
      kind: 'constructor',
      subject: 'x',
      queueKey: 'proto:x',
      runAt: app.clock.now(),
    });
    await app.worker.drain();
    expect(app.store.jobs.get(id)).toMatchObject({
      state: 'dead',
      attempts: 1,
      last_error: 'no handler for jobs of kind "constructor"',
    });
  });

  it('names and colours a level whose id is an Object member by the id itself', () => {
    const t = messagesFor('en');
    for (const id of ['constructor', 'tostring', 'valueof', '__proto__', 'hasownproperty']) {
      expect(levelLabel(t, id)).toBe(id);
    }
    expect(levelLabel(t, 'mature')).toBe('Mature');
    const svg = renderBadge('maturity', 'constructor', 'constructor');
    expect(svg).toContain('fill="#9ca3af"');
    expect(svg).not.toContain('function');
    expect(renderBadge('maturity', 'Mature', 'mature')).toContain('fill="#15803d"');
  });

  it('leaves a placeholder without a value of its own visible', () => {
    expect(fill('{constructor} {name}', { name: 'x' })).toBe('{constructor} x');
  });
});
