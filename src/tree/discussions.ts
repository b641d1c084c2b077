// What the Discussions view reads of a discussion (`GET /me/org_discussions/`) beyond
// its fields: the kind of its subject, the date of its last message, and its web page.
// Pure code, no vscode.
import type { Dataset, Discussion, Iso8601, Reuse } from '../api/models';
import { parseTime } from './grouping';
import { webUrl } from './webUrl';

/** The subjects udata attaches discussions to, and their folder on the web site. */
const SUBJECT_PATHS: Record<string, string> = {
  Dataset: 'datasets',
  Reuse: 'reuses',
  Dataservice: 'dataservices',
};

/** The date of the newest message (messages come oldest first), else the opening date. */
export function lastMessageDate(discussion: Discussion): Iso8601 | undefined {
  let last: Iso8601 | undefined;
  let lastTime = Number.NEGATIVE_INFINITY;
  for (const message of discussion.discussion ?? []) {
    const time = parseTime(message?.posted_on);
    if (time > lastTime) {
      last = message.posted_on;
      lastTime = time;
    }
  }
  return last ?? discussion.created;
}

/**
 * The web page of the discussion's subject: `<site origin>/<datasets|reuses>/<id>/`.
 * The list answer carries no web address, only the discussion's API `url`
 * (`<site origin>/api/1/discussions/<id>/`), whose origin is the site's.
 */
export function subjectPage(discussion: Discussion): string | undefined {
  const path = discussion.subject?.class ? SUBJECT_PATHS[discussion.subject.class] : undefined;
  const id = discussion.subject?.id;
  const api = webUrl(discussion.url);
  if (!path || !id || !api) return undefined;
  return `${api.origin}/${path}/${encodeURIComponent(id)}/`;
}

/**
 * The discussion on data.gouv.fr (Open in Browser, Copy Link, a click in the view):
 * udata's web app has no page per discussion, it shows the discussions on their
 * subject's page, and `#/discussions/<id>` opens that one there.
 */
export function discussionPage(discussion: Discussion): string | undefined {
  if (webUrl(discussion.self_web_url)) return discussion.self_web_url;
  const page = subjectPage(discussion);
  return page && discussion.id ? `${page}#/discussions/${encodeURIComponent(discussion.id)}` : undefined;
}

/**
 * Each discussion with the owner of its subject (the dataset or reuse discussed) as its
 * organization or owner, so that the view groups it there: udata's own `organization`
 * field says whom a message was posted on behalf of, not whose subject it is. A
 * subject missing from the lists (not the user's any more) keeps no owner.
 */
export function withSubjectOwners(
  discussions: readonly Discussion[],
  subjects: ReadonlyArray<Pick<Dataset | Reuse, 'id' | 'organization' | 'owner'>>,
): Discussion[] {
  const owners = new Map(subjects.map((subject) => [subject.id, subject]));
  return discussions.map((discussion) => {
    const subject = discussion.subject?.id ? owners.get(discussion.subject.id) : undefined;
    return { ...discussion, organization: subject?.organization ?? null, owner: subject?.owner ?? null };
  });
}
