// Every label of the API's enumerations, pinned value by value (the labels are listed in
// the order of their values, so a shifted list must fail here), and what unknown, empty
// or inherited names (`constructor`, `toString`) give: the value as it came, or nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discussionSubjectLabel, reuseTopicLabel, reuseTypeLabel } from '../../../src/util/enumLabels';
import { REUSE_TOPICS, REUSE_TYPES } from '../../../src/api/models';
import type { Translator } from '../../../src/util/translator';

const english: Translator = { t: (message) => message };
const tagged: Translator = { t: (message) => `<${message}>` };

test('reuse types: one label each, through the translator', () => {
  const labels = Object.fromEntries(REUSE_TYPES.map((type) => [type, reuseTypeLabel(type, english)]));
  assert.deepEqual(labels, {
    api: 'API',
    application: 'Application',
    idea: 'Idea',
    news_article: 'News article',
    paper: 'Paper',
    post: 'Blog post',
    visualization: 'Visualization',
    hardware: 'Connected device',
  });
  assert.equal(reuseTypeLabel('post', tagged), '<Blog post>');
});

test('reuse topics: one label each, through the translator', () => {
  const labels = Object.fromEntries(REUSE_TOPICS.map((topic) => [topic, reuseTopicLabel(topic, english)]));
  assert.deepEqual(labels, {
    health: 'Health',
    transport_and_mobility: 'Transport and mobility',
    housing_and_development: 'Housing and development',
    food_and_agriculture: 'Food and agriculture',
    culture_and_recreation: 'Culture and recreation',
    economy_and_business: 'Economy and business',
    environment_and_energy: 'Environment and energy',
    work_and_training: 'Work and training',
    politics_and_public_life: 'Politics and public life',
    safety_and_security: 'Safety and security',
    education_and_research: 'Education and research',
    society_and_demography: 'Society and demography',
    law_and_justice: 'Law and justice',
    open_data_tools: 'Open data tools',
    others: 'Other',
  });
  assert.equal(reuseTopicLabel('others', tagged), '<Other>');
});

test('discussion subjects: Dataset, Reuse, API', () => {
  assert.equal(discussionSubjectLabel('Dataset', tagged), '<Dataset>');
  assert.equal(discussionSubjectLabel('Reuse', tagged), '<Reuse>');
  assert.equal(discussionSubjectLabel('Dataservice', tagged), '<API>');
});

test('an unknown value shows as it came; none, null or empty gives no label', () => {
  for (const label of [reuseTypeLabel, reuseTopicLabel, discussionSubjectLabel]) {
    for (const unknown of ['Post', 'topic', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'length', '0']) {
      assert.equal(label(unknown, tagged), unknown);
    }
    assert.equal(label('', tagged), undefined);
    assert.equal(label(null, tagged), undefined);
    assert.equal(label(undefined, tagged), undefined);
  }
});
