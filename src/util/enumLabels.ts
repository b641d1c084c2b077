// Labels of the API's enumerations (reuse types and topics, the subjects of
// discussions). They follow those of data.gouv.fr (`GET /reuses/types/`,
// `/reuses/topics/`), translated through the extension's bundle so that the views,
// the commands and the document schemas need no extra request; an unknown value shows
// as it came.
import { REUSE_TOPICS, REUSE_TYPES } from '../api/models';
import type { Translator } from './translator';
import { byValue } from './byValue';

export function reuseTypeLabel(type: string | null | undefined, l10n: Translator): string | undefined {
  // In the order of REUSE_TYPES.
  const labels = [
    l10n.t('API'),
    l10n.t('Application'),
    l10n.t('Idea'),
    l10n.t('News article'),
    l10n.t('Paper'),
    l10n.t('Blog post'),
    l10n.t('Visualization'),
    l10n.t('Connected device'),
  ] as const;
  return type ? (byValue(type, REUSE_TYPES, labels) ?? type) : undefined;
}

export function reuseTopicLabel(topic: string | null | undefined, l10n: Translator): string | undefined {
  // In the order of REUSE_TOPICS.
  const labels = [
    l10n.t('Health'),
    l10n.t('Transport and mobility'),
    l10n.t('Housing and development'),
    l10n.t('Food and agriculture'),
    l10n.t('Culture and recreation'),
    l10n.t('Economy and business'),
    l10n.t('Environment and energy'),
    l10n.t('Work and training'),
    l10n.t('Politics and public life'),
    l10n.t('Safety and security'),
    l10n.t('Education and research'),
    l10n.t('Society and demography'),
    l10n.t('Law and justice'),
    l10n.t('Open data tools'),
    l10n.t('Other'),
  ] as const;
  return topic ? (byValue(topic, REUSE_TOPICS, labels) ?? topic) : undefined;
}

/** What a discussion is about (its `subject.class`): Dataset, Reuse, API; an unknown class as it came. */
export function discussionSubjectLabel(subjectClass: string | null | undefined, l10n: Translator): string | undefined {
  const labels = [l10n.t('Dataset'), l10n.t('Reuse'), l10n.t('API')] as const;
  return subjectClass ? (byValue(subjectClass, ['Dataset', 'Reuse', 'Dataservice'] as const, labels) ?? subjectClass) : undefined;
}
