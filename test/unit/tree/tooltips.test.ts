// The Markdown tooltips: what they show (from the masked list answers of the stand-in)
// and that nothing the server sends can inject Markdown, links or HTML.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dataset, Reuse } from '../../../src/api/models';
import { DATASET_RESOURCES_MASK } from '../../../src/api/fieldMasks';
import { excerpt, formatBytes } from '../../../src/tree/format';
import { datasetTooltip, escapeMarkdown, markdownLink, resourceTooltip, reuseTooltip } from '../../../src/tree/tooltips';
import { startStandIn, type StandIn } from '../../server/standIn';
import { english, nodeContext, standInClient } from './helpers';

let standIn: StandIn;
let reuses: Reuse[];
let datasets: Dataset[];
before(async () => {
  standIn = await startStandIn();
  const client = standInClient(standIn);
  [reuses, datasets] = await Promise.all([client.listOrgReuses(), client.listOrgDatasets()]);
  // As Organization Datasets has them once expanded: resources come with their own request.
  datasets = await Promise.all(datasets.map(async (dataset) => ({ ...dataset, ...(await client.getDataset(dataset.id, { fields: DATASET_RESOURCES_MASK })) })));
});
after(() => standIn.close());

/** Markdown source with escapes removed and Intl's no-break spaces made plain, to compare text. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1').replace(/[\u00a0\u202f]/g, ' ');

describe('reuse tooltip', () => {
  test('title, first lines of the description, URL, topic, tags, datasets, last modified, views, followers', () => {
    const reuse = reuses.find((candidate) => candidate.title?.startsWith('Carte des bornes'))!;
    const text = plain(reuseTooltip(reuse, nodeContext('en')));
    assert.match(text, /^\*\*Carte des bornes de recharge de Saint-Rémy\*\*/);
    assert.match(text, /Une carte interactive des bornes de recharge/);
    assert.match(text, /Réalisée avec les données IRVE de la mairie\./, 'the second paragraph is one of the first lines');
    assert.match(text, /URL: \[https:\/\/carto\.saint-remy-sur-loire\.fr\/bornes\]\(https:\/\/carto\.saint-remy-sur-loire\.fr\/bornes\)/);
    assert.match(text, /Type: Application/);
    assert.match(text, /Topic: Transport and mobility/);
    assert.match(text, /Tags: `irve`, `mobilite`, `vehicule-electrique`/);
    assert.match(text, /Datasets: 1/);
    assert.match(text, /Last modified: Nov 18, 2026/);
    assert.match(text, /Views: 3,412 · Followers: 27/);
    assert.match(text, /Organization: Mairie de Saint-Rémy-sur-Loire/);
  });

  test('markers in the heading, and in French', () => {
    const reuse = reuses.find((candidate) => candidate.title?.startsWith('Itinéraires'))!;
    assert.match(plain(reuseTooltip(reuse, nodeContext('en'))), /^\*\*Itinéraires cyclables du dimanche\*\* — \*private\*/);
    const fr = plain(reuseTooltip(reuse, nodeContext('fr')));
    assert.match(fr, /— \*privée\*/);
    assert.match(fr, /Thématique : Culture et loisirs/);
    assert.match(fr, /Type : Idée/);
    assert.match(fr, /Vues : 0 · Abonnés : 0/);
  });

  test('a reuse the user may not edit says so', () => {
    const reuse: Reuse = { id: 'r', title: 'Lecture seule', permissions: { edit: false, delete: false } };
    assert.match(plain(reuseTooltip(reuse, nodeContext('en'))), /You may not edit this reuse\./);
  });

  test('server text cannot inject Markdown, links, images or HTML', () => {
    const reuse: Reuse = {
      id: 'r',
      title: '*Gras* [clic](https://evil.example) <img src=x> `code`',
      description: '![pixel](https://tracker.example/p.png) Voir [le site](https://evil.example).\n# Titre\n<script>alert(1)</script>suite',
      url: 'javascript:alert(1)',
      tags: ['a`b'],
    };
    const markdown = reuseTooltip(reuse, nodeContext('en'));
    assert.ok(!/(?<!\\)\]\(https:\/\/evil/.test(markdown), 'no link from the title or description (an escaped \\] is text)');
    assert.match(markdown, /\\\[clic\\\]\(https:\/\/evil\.example\)/, 'the title shows as typed');
    assert.ok(!markdown.includes('tracker.example'), 'no image');
    assert.ok(!/(?<!\\)<(img|script)/.test(markdown), 'no raw HTML');
    assert.ok(!markdown.includes('](javascript:'), 'no javascript: link');
    assert.match(markdown, /\\\*Gras\\\*/);
    assert.match(markdown, /URL: javascript:alert\(1\)/);
    assert.match(markdown, /Tags: `ab`/);
    assert.match(plain(markdown), /Voir le site\./, 'link text kept as text');
  });
});

describe('dataset and resource tooltips', () => {
  test('dataset: publisher, last update, resources, quality, metrics, page link', () => {
    const dataset = datasets.find((candidate) => candidate.title === 'Bornes de recharge pour véhicules électriques')!;
    const text = plain(datasetTooltip(dataset, nodeContext('en')));
    assert.match(text, /^\*\*Bornes de recharge pour véhicules électriques\*\*/);
    assert.match(text, /Organization: Mairie de Saint-Rémy-sur-Loire/);
    assert.match(text, /Data last updated: Nov 14, 2026/);
    assert.match(text, /Resources: 3/);
    assert.match(text, /Metadata quality: 47%/);
    assert.ok(!/Views:/.test(text), 'the list mask has no metrics: no line rather than zeros');
    assert.ok(!/Page on data\.gouv\.fr/.test(text), 'the list leaves the page out: no link rather than a wrong one');
    const withPage = plain(datasetTooltip({ ...dataset, page: 'https://www.data.gouv.fr/datasets/bornes/' }, nodeContext('en')));
    assert.match(withPage, /\[Page on data\.gouv\.fr\]\(https:\/\/www\.data\.gouv\.fr\/datasets\/bornes\/\)/);
  });

  test('dataset markers, capitalised', () => {
    const dataset = datasets.find((candidate) => candidate.title === 'Relevés de trafic routier')!;
    assert.match(plain(datasetTooltip(dataset, nodeContext('en'))), /— \*Private\*/);
  });

  test('dataset metrics and last modified when the answer has them', () => {
    const text = plain(
      datasetTooltip(
        { id: 'd', title: 'T', last_modified: '2026-11-18T09:30:00Z', metrics: { views: 1103, followers: 3, reuses: 2, resources_downloads: 5400 } },
        nodeContext('en'),
      ),
    );
    assert.match(text, /Last modified: Nov 18, 2026/);
    assert.match(text, /Views: 1,103/);
    assert.match(text, /Downloads: 5,400/);
  });

  test('resource: format, size, file link', () => {
    const dataset = datasets.find((candidate) => candidate.title === 'Budget primitif 2026')!;
    const zip = { ...dataset.resources![1], url: 'https://static.data.gouv.fr/resources/budget/annexes.zip' };
    const text = plain(resourceTooltip(zip, nodeContext('en')));
    assert.match(text, /^\*\*Annexes\*\*/);
    assert.match(text, /Format: ZIP/);
    assert.match(text, /Size: \d+(\.\d)? kB/);
    assert.match(text, /File: \[https:\/\/static\.data\.gouv\.fr\/resources\/.+\.zip\]\(https:\/\/static\.data\.gouv\.fr\//);
  });
});

describe('formatting helpers', () => {
  test('excerpt: first lines as plain text, cut with an ellipsis', () => {
    assert.equal(excerpt('## Titre\n\nUn **texte** avec [un lien](https://x.example).\n- point\n- autre\n- dernier'), 'Titre\nUn texte avec un lien.\npoint…');
    assert.equal(excerpt('court'), 'court');
    assert.equal(excerpt(''), undefined);
    const long = excerpt('mot '.repeat(200));
    assert.ok(long && long.length <= 281 && long.endsWith('…'));
    assert.equal(excerpt('snake_case_name'), 'snake_case_name');
  });

  test('sizes in decimal units', () => {
    assert.equal(formatBytes(512, 'en', english), '512 B');
    assert.equal(formatBytes(12_000, 'en', english), '12 kB');
    assert.equal(formatBytes(3_450_000, 'en', english), '3.5 MB');
    assert.equal(formatBytes(2_000_000_000, 'en', english), '2 GB');
    assert.equal(formatBytes(null, 'en', english), undefined);
  });

  test('escapes and links', () => {
    assert.equal(escapeMarkdown('a_b*c[d]'), 'a\\_b\\*c\\[d\\]');
    assert.equal(escapeMarkdown('- liste\n1. numéro'), '\\- liste\n1\\. numéro');
    assert.equal(markdownLink('https://example.org/a (b)'), '[https://example.org/a (b)](https://example.org/a%20%28b%29)');
    assert.equal(markdownLink('ftp://example.org/x'), 'ftp://example.org/x');
    assert.equal(markdownLink(undefined), undefined);
  });
});
