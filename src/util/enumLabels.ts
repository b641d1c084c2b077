// Labels of the API's enumerations (reuse types and topics, the subjects of
// discussions). They follow those of data.gouv.fr (`GET /reuses/types/`,
// `/reuses/topics/`), translated through the extension's bundle so that the views,
// the commands and the document schemas need no extra request; an unknown value shows
// as it came.
import type { Translator } from './translator';

export function reuseTypeLabel(type: string | null | undefined, l10n: Translator): string | undefined {
  switch (type) {
    case undefined:
    case null:
    case '':
      return undefined;
    case 'api':
      return l10n.t('API');
    case 'application':
      return l10n.t('Application');
    case 'idea':
      return l10n.t('Idea');
    case 'news_article':
      return l10n.t('News article');
    case 'paper':
      return l10n.t('Paper');
    case 'post':
      return l10n.t('Blog post');
    case 'visualization':
      return l10n.t('Visualization');
    case 'hardware':
      return l10n.t('Connected device');
    default:
      return type;
  }
}

export function reuseTopicLabel(topic: string | null | undefined, l10n: Translator): string | undefined {
  switch (topic) {
    case undefined:
    case null:
    case '':
      return undefined;
    case 'health':
      return l10n.t('Health');
    case 'transport_and_mobility':
      return l10n.t('Transport and mobility');
    case 'housing_and_development':
      return l10n.t('Housing and development');
    case 'food_and_agriculture':
      return l10n.t('Food and agriculture');
    case 'culture_and_recreation':
      return l10n.t('Culture and recreation');
    case 'economy_and_business':
      return l10n.t('Economy and business');
    case 'environment_and_energy':
      return l10n.t('Environment and energy');
    case 'work_and_training':
      return l10n.t('Work and training');
    case 'politics_and_public_life':
      return l10n.t('Politics and public life');
    case 'safety_and_security':
      return l10n.t('Safety and security');
    case 'education_and_research':
      return l10n.t('Education and research');
    case 'society_and_demography':
      return l10n.t('Society and demography');
    case 'law_and_justice':
      return l10n.t('Law and justice');
    case 'open_data_tools':
      return l10n.t('Open data tools');
    case 'others':
      return l10n.t('Other');
    default:
      return topic;
  }
}

/** What a discussion is about (its `subject.class`): Dataset, Reuse, API; an unknown class as it came. */
export function discussionSubjectLabel(subjectClass: string | null | undefined, l10n: Translator): string | undefined {
  switch (subjectClass) {
    case 'Dataset':
      return l10n.t('Dataset');
    case 'Reuse':
      return l10n.t('Reuse');
    case 'Dataservice':
      return l10n.t('API');
    default:
      return subjectClass || undefined;
  }
}
