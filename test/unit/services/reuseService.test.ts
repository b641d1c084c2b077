// The reuse service against the stand-in: it announces what it changed (views and open
// documents follow), and treats udata's idempotent answers as done.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ReuseService } from '../../../src/services/reuseService';
import { startStandIn, type StandIn } from '../../server/standIn';
import { standInClient } from '../tree/helpers';

let standIn: StandIn;
let service: ReuseService;
before(async () => {
  standIn = await startStandIn();
  const client = standInClient(standIn);
  service = new ReuseService({ client });
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

test('a change it makes is announced with the reuse id; reads announce nothing', async () => {
  const id = standIn.data.reuses[0].id;
  const announced: Array<string | undefined> = [];
  const subscription = service.onDidChange((changed) => announced.push(changed));
  await service.title(id);
  await service.update(id, { private: true });
  await service.setFeatured(id, false).catch(() => undefined); // not an admin: refused, not announced
  subscription.dispose();
  assert.deepEqual(announced, [id]);
});

test('unfollowing a reuse one does not follow is done, not an error (udata answers 404)', async () => {
  const id = standIn.data.reuses[0].id;
  standIn.faults.push({ method: 'DELETE', path: '/followers/', status: 404, body: JSON.stringify({ message: 'Not following' }), times: 1 });
  assert.equal(typeof (await service.unfollow(id)), 'number');
});
