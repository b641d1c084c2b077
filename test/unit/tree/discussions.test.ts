// The Discussions view (GET /me/org_discussions/) against the stand-in: grouping by
// organization, open discussions before closed ones, descriptions and markers in
// English and French, tooltips, the web page a click opens (derived from the API url),
// the mask sent, and the same empty and error states as the other views (signed out:
// treeModel.test.ts, for every view).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DISCUSSION_LIST_MASK, SUBJECT_OWNER_MASK } from '../../../src/api/fieldMasks';
import type { Discussion } from '../../../src/api/models';
import { discussionPage, lastMessageDate, subjectPage } from '../../../src/tree/discussions';
import { markerLabels } from '../../../src/tree/markers';
import { CONTEXT, discussionNode, idOf, linkOf, pageOf, tooltipOf, type TreeNode } from '../../../src/tree/nodes';
import { sortDiscussions } from '../../../src/tree/sorting';
import { discussionTooltip } from '../../../src/tree/tooltips';
import { DiscussionsModel } from '../../../src/tree/treeModel';
import { startStandIn, type StandIn } from '../../server/standIn';
import { ADMIN_API_KEY } from '../../server/sampleData';
import { english, french, FakeSession, nodeContext } from './helpers';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

const labels = (nodes: TreeNode[]) => nodes.map((node) => node.label);
/** Markdown source with escapes removed and Intl's no-break spaces made plain, to compare text. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1').replace(/[\u00a0\u202f]/g, ' ');
const spaces = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

async function load(locale = 'en', session = new FakeSession(standIn)) {
  const model = new DiscussionsModel(session, nodeContext(locale));
  const roots = await model.getChildren();
  const children = await Promise.all(roots.map((root) => model.getChildren(root)));
  return { model, roots, children };
}

function stored(title: string) {
  const discussion = standIn.data.discussions.find((candidate) => candidate.title.startsWith(title));
  assert.ok(discussion, title);
  return discussion;
}

describe('Discussions view', () => {
  test('grouped by the organization that owns the subject; the latest message first; open ones only (udata sends no closed one)', async () => {
    const { model, roots, children } = await load();
    assert.equal(model.view, 'datagouv.discussions');
    assert.equal(model.state, 'loaded');
    assert.deepEqual(labels(roots), ['Mairie de Saint-Rémy-sur-Loire']);
    assert.deepEqual(
      roots.map((node) => node.description),
      ['2 discussions'],
    );
    assert.deepEqual(
      roots.map((node) => node.contextValue),
      ['organization'],
    );
    assert.deepEqual(
      roots.map((node) => node.id),
      [`datagouv.discussions/org:${standIn.data.organizations[0].id}`],
    );
    const [mairie] = children;
    assert.deepEqual(labels(mairie), ['Lien cassé vers la carte', 'Coordonnées erronées pour deux bornes']);
    assert.deepEqual(
      mairie.map((node) => node.description),
      ['Reuse · Nov 19, 2026', 'Dataset · Nov 18, 2026'],
    );
    assert.deepEqual(
      mairie.map((node) => [node.kind, node.contextValue, node.icon, node.iconColor, node.collapsible]),
      [
        ['discussion', CONTEXT.discussionOpen, 'comment-discussion', undefined, 'none'],
        ['discussion', CONTEXT.discussionOpen, 'comment-discussion', undefined, 'none'],
      ],
    );
    assert.deepEqual(await model.getChildren(mairie[0]), [], 'a discussion has no children');
  });

  test("a discussion posted on behalf of another organization still groups under its subject's owner", async () => {
    stored('Coordonnées').organization = standIn.data.organizations[1].id; // posted as the Agence
    const { roots } = await load();
    assert.deepEqual(labels(roots), ['Mairie de Saint-Rémy-sur-Loire']);
  });

  test('three masked requests: the discussions and who owns each subject; expanding asks nothing more', async () => {
    const { model, roots } = await load();
    for (const root of roots) await model.getChildren(root);
    assert.deepEqual(standIn.requests.map((request) => [request.method, request.path, request.fields]).sort(), [
      ['GET', '/me/org_datasets/', SUBJECT_OWNER_MASK],
      ['GET', '/me/org_discussions/', DISCUSSION_LIST_MASK],
      ['GET', '/me/org_reuses/', SUBJECT_OWNER_MASK],
    ]);
    const [discussion] = model.loaded ?? [];
    assert.deepEqual(Object.keys(discussion.discussion?.[0] ?? {}), ['posted_on'], 'of the messages, only their dates travel');
    assert.equal(discussion.user, undefined);
  });

  test('closed discussions are not listed: udata/core/discussions/actions.py sends open ones only', async () => {
    const { children } = await load();
    assert.ok(!children.flat().some((node) => String(node.label).startsWith('Fréquence de mise à jour')));
    // The view still marks one should a server send it.
    assert.deepEqual(markerLabels({ closed: '2026-01-01T00:00:00Z' }, 'discussion', english), ['closed']);
  });

  test('in French: subject kinds, dates and the "fermée" marker', async () => {
    const { roots, children } = await load('fr');
    assert.deepEqual(
      roots.map((node) => node.description),
      ['2 discussions'],
    );
    assert.equal(spaces(children[0][0].description), 'Réutilisation · 19 nov. 2026');
    assert.equal(spaces(children[0][1].description), 'Jeu de données · 18 nov. 2026');
    assert.deepEqual(markerLabels({ closed: '2026-01-01T00:00:00Z' }, 'discussion', french), ['fermée']);
    assert.deepEqual(markerLabels({ closed: true, deleted: 'x' }, 'discussion', english), ['deleted', 'closed']);
  });

  test('a click opens the discussion at its self_web_url; Copy ID and Copy Link', async () => {
    const { children } = await load();
    const [lien, coordonnees] = children[0];
    assert.ok(lien.kind === 'discussion' && coordonnees.kind === 'discussion');
    const reuseId = stored('Lien cassé').subject.id;
    const page = `${standIn.origin}/reuses/${reuseId}/discussions?discussion_id=${lien.discussion.id}`;
    assert.deepEqual(lien.command, { command: 'datagouv.openInBrowser', title: 'Open in Browser', arguments: [page] });
    assert.equal(pageOf(lien), page);
    assert.equal(linkOf(lien), page);
    assert.equal(idOf(lien), stored('Lien cassé').id);
    assert.equal(pageOf(coordonnees), `${standIn.origin}/datasets/${stored('Coordonnées').subject.id}/discussions?discussion_id=${coordonnees.discussion.id}`);
  });

  test('a discussion without a known subject or API url: no page, no click', () => {
    const url = 'https://www.data.gouv.fr/api/1/discussions/d1/';
    const node = discussionNode({ id: 'd1', title: 'T', subject: { class: 'Post', id: 'p1' }, url }, 'g', nodeContext('en'));
    assert.equal(node.command, undefined);
    assert.equal(pageOf(node), undefined);
    assert.equal(idOf(node), 'd1');
    assert.equal(node.description, 'Post', 'an unknown subject class shows as it came');
    assert.equal(discussionNode({ id: 'd2' }, 'g', nodeContext('fr')).label, 'Discussion sans titre');
  });

  test('tooltip: title and marker, subject (linked), organization, dates, number of messages', async () => {
    const { roots, children } = await load();
    const coordonnees = children[0][1];
    const text = plain(tooltipOf(coordonnees, nodeContext('en')) ?? '');
    const subjectUrl = `${standIn.origin}/datasets/${stored('Coordonnées').subject.id}/`;
    assert.match(text, /^\*\*Coordonnées erronées pour deux bornes\*\*\n/);
    assert.ok(text.includes(`Subject: [Dataset ${stored('Coordonnées').subject.id}](${subjectUrl})`), text);
    assert.match(text, /Organization: Mairie de Saint-Rémy-sur-Loire/);
    assert.match(text, /Opened: Nov 14, 2026/);
    assert.match(text, /Last message: Nov 18, 2026/);
    assert.match(text, /Messages: 2/);
    assert.doesNotMatch(text, /Closed/);
    const open = plain(tooltipOf(coordonnees, nodeContext('fr')) ?? '');
    assert.match(open, /Sujet : \[Jeu de données [0-9a-f]{24}\]/);
    assert.match(open, /Ouverte le 14 nov\. 2026/);
    assert.match(open, /Dernier message : 18 nov\. 2026/);
    assert.match(open, /Messages : 2/);
    // A closed one, should a server send it, says so.
    const closed = discussionNode({ id: 'd9', title: 'Close', created: '2026-10-21T08:00:00Z', closed: '2026-10-31T08:00:00Z' }, 'g', nodeContext('en'));
    const closedText = plain(tooltipOf(closed, nodeContext('en')) ?? '');
    assert.match(closedText, /^\*\*Close\*\* — \*closed\*/);
    assert.match(closedText, /Closed: Oct 31, 2026/);
    assert.match(plain(tooltipOf(roots[0], nodeContext('en')) ?? ''), /^\*\*Mairie de Saint-Rémy-sur-Loire\*\*\n\n2 discussions/);
  });

  test('tooltip: what the server sends cannot inject Markdown', () => {
    const markdown = discussionTooltip(
      { id: 'd', title: '[click](https://evil.example) *now*', subject: { class: 'Dataset', id: 'x)y' }, url: 'javascript:alert(1)' },
      nodeContext('en'),
    );
    assert.ok(markdown.startsWith('**\\[click\\](https://evil.example) \\*now\\***'), markdown);
    assert.match(markdown, /Subject: Dataset x\)y/, 'no link without an http(s) origin');
  });
});

describe('the web page of a discussion', () => {
  const api = 'https://www.data.gouv.fr/api/1/discussions/d1/';
  test('the subject’s page on the site of the API url, with #/discussions/<id>', () => {
    assert.equal(discussionPage({ id: 'd1', subject: { class: 'Dataset', id: 'ds1' }, url: api }), 'https://www.data.gouv.fr/datasets/ds1/#/discussions/d1');
    assert.equal(
      discussionPage({ id: 'd1', subject: { class: 'Reuse', id: 'r1' }, url: 'http://127.0.0.1:8123/api/1/discussions/d1/' }),
      'http://127.0.0.1:8123/reuses/r1/#/discussions/d1',
    );
    assert.equal(
      discussionPage({ id: 'd1', subject: { class: 'Dataservice', id: 's1' }, url: 'https://demo.data.gouv.fr/api/2/x' }),
      'https://demo.data.gouv.fr/dataservices/s1/#/discussions/d1',
    );
    assert.equal(subjectPage({ id: 'd1', subject: { class: 'Reuse', id: 'a/b c' }, url: api }), 'https://www.data.gouv.fr/reuses/a%2Fb%20c/');
  });

  test('none without a known subject, a subject id or a usable url', () => {
    assert.equal(discussionPage({ id: 'd1', subject: { class: 'Organization', id: 'o1' }, url: api }), undefined);
    assert.equal(discussionPage({ id: 'd1', subject: { class: 'Dataset' }, url: api }), undefined);
    assert.equal(discussionPage({ id: 'd1', subject: { class: 'Dataset', id: 'ds1' } }), undefined);
    assert.equal(discussionPage({ id: 'd1', subject: { class: 'Dataset', id: 'ds1' }, url: 'not a url' }), undefined);
    assert.equal(discussionPage({ id: 'd1', subject: { class: 'Dataset', id: 'ds1' }, url: 'file:///api/1/' }), undefined);
  });
});

describe('order of discussions', () => {
  const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:30:00.000Z`;
  const d = (id: string, last: number | undefined, closed = false): Discussion => ({
    id,
    created: at(1),
    closed: closed ? at(28) : null,
    discussion: last === undefined ? [] : [{ posted_on: at(2) }, { posted_on: at(last) }],
  });

  test('the last message is the newest one, else the opening date', () => {
    assert.equal(lastMessageDate(d('a', 9)), at(9));
    assert.equal(lastMessageDate({ id: 'a', discussion: [{ posted_on: at(9) }, { posted_on: at(3) }] }), at(9));
    assert.equal(lastMessageDate(d('a', undefined)), at(1));
    assert.equal(lastMessageDate({ id: 'a' }), undefined);
  });

  test('open first, then closed; the latest message first; ties keep the API order', () => {
    const sorted = sortDiscussions([d('c1', 20, true), d('o1', 5), d('o2', 15), d('c2', 25, true), d('o3', 5), d('x', undefined)]);
    assert.deepEqual(
      sorted.map((item) => item.id),
      ['o2', 'o1', 'o3', 'x', 'c2', 'c1'],
    );
  });
});

describe('Discussions view states', () => {
  test('no organization, or no discussion: an empty tree in the "empty" state', async () => {
    const session = new FakeSession(standIn);
    session.key = ADMIN_API_KEY;
    const { model, roots } = await load('en', session);
    assert.deepEqual(roots, []);
    assert.equal(model.state, 'empty');
  });

  test('a refused key: the reason, Set API Key and Retry of this view', async () => {
    const session = new FakeSession(standIn);
    session.key = 'udata_revoked';
    const model = new DiscussionsModel(session, nodeContext('en'));
    const nodes = await model.getChildren();
    assert.equal(model.state, 'error');
    assert.deepEqual(
      nodes.map((node) => node.kind),
      ['message', 'action', 'action'],
    );
    assert.match(nodes[0].label, /Your API key was refused/);
    assert.equal(nodes[0].id, 'datagouv.discussions/message:error');
    assert.deepEqual(nodes[1].command, { command: 'datagouv.setApiKey', title: 'Set API Key' });
    assert.deepEqual(nodes[2].command, { command: 'datagouv.refresh', title: 'Retry', arguments: ['datagouv.discussions'] });
  });

  test('a server error: the sentence in French, Retry and Show Log; Retry reloads', async () => {
    standIn.faults.push({ path: '/me/org_discussions/', status: 500, times: 1 });
    const model = new DiscussionsModel(new FakeSession(standIn), nodeContext('fr'));
    const nodes = await model.getChildren();
    assert.match(nodes[0].label, /problème interne \(erreur 500\)/);
    assert.deepEqual(labels(nodes.slice(1)), ['Réessayer', 'Afficher le journal']);
    model.invalidate();
    assert.equal((await model.getChildren()).length, 1);
    assert.equal(model.state, 'loaded');
  });
});
