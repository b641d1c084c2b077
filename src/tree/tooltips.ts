// The Markdown tooltips of the tree items, as plain strings (the vscode adapter wraps
// them in an untrusted MarkdownString, without HTML). Every value that comes from the
// server is escaped: a title with `*` or `[` shows as typed, a description cannot
// inject links or images, and only http(s) URLs become links.
import type { Translator } from '../util/translator';
import type { CommunityResource, Dataset, Discussion, OrganizationRef, Resource, Reuse, UserRef } from '../api/models';
import { lastMessageDate, subjectPage } from './discussions';
import { excerpt, formatBytes, formatDate, formatDateTime, formatNumber, formatScore, personName } from './format';
import { discussionSubjectLabel, reuseTopicLabel, reuseTypeLabel } from '../util/enumLabels';
import { markerLabels, SEPARATOR } from './markers';
import { webUrl } from './webUrl';

export interface TooltipContext {
  l10n: Translator;
  locale: string;
}

/**
 * Escapes what Markdown gives a meaning to: emphasis, code, links (`[`), HTML and
 * entities, tables, headings, and at the start of a line list and quote markers.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#&]/g, '\\$&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A link when the URL is http(s), its escaped text otherwise. */
export function markdownLink(url: string | null | undefined, text?: string): string | undefined {
  if (!url) return undefined;
  const parsed = webUrl(url);
  if (!parsed) return escapeMarkdown(text ?? url);
  const href = parsed.href.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(text ?? url)}](${href})`;
}

/** Joins its arguments by `separator`, empty ones dropped. */
function joiner(separator: string): (...items: Array<string | null | undefined | false>) => string {
  return (...items) => items.filter(Boolean).join(separator);
}

/** Lines joined by Markdown hard breaks. */
const lines = joiner('  \n');
const paragraphs = joiner('\n\n');

function heading(title: string | undefined, markers: string[], fallback: string): string {
  const name = `**${escapeMarkdown(title?.trim() || fallback)}**`;
  return markers.length ? `${name} — *${escapeMarkdown(markers.join(SEPARATOR))}*` : name;
}

function excerptMarkdown(text: string | null | undefined): string | undefined {
  const plain = excerpt(text);
  return plain ? plain.split('\n').map(escapeMarkdown).join('  \n') : undefined;
}

function metric(value: number | undefined, locale: string): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, locale) : undefined;
}

/** "Name (ACRONYM)", or the name alone. */
function organizationName(organization: OrganizationRef): string {
  return organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name;
}

/** The link to an object's web page, when it has one. */
function pageLink(page: string | undefined, l10n: Translator): string | undefined {
  return markdownLink(page, l10n.t('Page on data.gouv.fr'));
}

function publisher(organization: OrganizationRef | null | undefined, ctx: TooltipContext): string | undefined {
  if (!organization?.name) return undefined;
  const { l10n } = ctx;
  return l10n.t('Organization: {0}', escapeMarkdown(organizationName(organization)));
}

export function reuseTooltip(reuse: Reuse, ctx: TooltipContext): string {
  const { l10n, locale } = ctx;
  const type = reuseTypeLabel(reuse.type, l10n);
  const topic = reuseTopicLabel(reuse.topic, l10n);
  const tags = (reuse.tags ?? []).map((tag) => `\`${tag.replace(/`/g, '')}\``).join(', ');
  const datasetCount = reuse.datasets?.length ?? reuse.metrics?.datasets;
  const views = metric(reuse.metrics?.views, locale);
  const followers = metric(reuse.metrics?.followers, locale);
  const modified = formatDateTime(reuse.last_modified, locale);
  return paragraphs(
    heading(reuse.title, markerLabels(reuse, 'reuse', l10n), l10n.t('Untitled reuse')),
    excerptMarkdown(reuse.description),
    '---',
    lines(
      reuse.url && l10n.t('URL: {0}', markdownLink(reuse.url) ?? ''),
      type && l10n.t('Type: {0}', escapeMarkdown(type)),
      topic && l10n.t('Topic: {0}', escapeMarkdown(topic)),
      tags && l10n.t('Tags: {0}', tags),
      datasetCount !== undefined && l10n.t('Datasets: {0}', formatNumber(datasetCount, locale)),
      modified && l10n.t('Last modified: {0}', modified),
      (views || followers) && l10n.t('Views: {0} · Followers: {1}', views ?? '0', followers ?? '0'),
      publisher(reuse.organization, ctx),
    ),
    reuse.permissions?.edit === false && !reuse.deleted && `*${escapeMarkdown(l10n.t('You may not edit this reuse.'))}*`,
  );
}

export function datasetTooltip(dataset: Dataset, ctx: TooltipContext): string {
  const { l10n, locale } = ctx;
  const resources = metric(dataset.resources?.length, locale);
  const score = formatScore(dataset.quality?.score, locale);
  const updated = formatDate(dataset.last_update, locale);
  const modified = formatDateTime(dataset.last_modified, locale);
  const views = metric(dataset.metrics?.views, locale);
  const followers = metric(dataset.metrics?.followers, locale);
  const reuses = metric(dataset.metrics?.reuses, locale);
  const downloads = metric(dataset.metrics?.resources_downloads, locale);
  return paragraphs(
    heading(dataset.title, markerLabels(dataset, 'dataset', l10n), l10n.t('Untitled dataset')),
    excerptMarkdown(dataset.description),
    lines(
      publisher(dataset.organization, ctx),
      updated && l10n.t('Data last updated: {0}', updated),
      modified && l10n.t('Last modified: {0}', modified),
      resources && l10n.t('Resources: {0}', resources),
      score && l10n.t('Metadata quality: {0}', score),
      views && l10n.t('Views: {0}', views),
      followers && l10n.t('Followers: {0}', followers),
      reuses && l10n.t('Reuses: {0}', reuses),
      downloads && l10n.t('Downloads: {0}', downloads),
      pageLink(dataset.page, l10n),
    ),
  );
}

export function resourceTooltip(resource: Resource, ctx: TooltipContext): string {
  const { l10n, locale } = ctx;
  const size = formatBytes(resource.filesize, locale, l10n);
  return paragraphs(
    heading(resource.title, [], l10n.t('Untitled resource')),
    lines(
      resource.format && l10n.t('Format: {0}', escapeMarkdown(resource.format.toUpperCase())),
      size && l10n.t('Size: {0}', size),
      resource.url && l10n.t('File: {0}', markdownLink(resource.url) ?? ''),
    ),
  );
}

/** Who publishes an object: its organization, else its owner's name. */
export function authorOf(object: { organization?: OrganizationRef | null; owner?: UserRef | null }): string | undefined {
  const { organization, owner } = object;
  return organization?.name || personName(owner) || undefined;
}

export function communityResourceTooltip(resource: CommunityResource, ctx: TooltipContext): string {
  const { l10n, locale } = ctx;
  const author = authorOf(resource);
  const added = formatDateTime(resource.created_at, locale);
  return paragraphs(
    resourceTooltip(resource, ctx),
    lines(author && l10n.t('Published by: {0}', escapeMarkdown(author)), added && l10n.t('Added: {0}', added)),
    `*${escapeMarkdown(l10n.t('A community resource: its author’s to edit.'))}*`,
  );
}

export function discussionTooltip(discussion: Discussion, ctx: TooltipContext): string {
  const { l10n, locale } = ctx;
  const kind = discussionSubjectLabel(discussion.subject?.class, l10n);
  const subjectId = discussion.subject?.id;
  const subjectName = kind && subjectId ? `${kind} ${subjectId}` : (kind ?? subjectId);
  const subject = subjectName && (markdownLink(subjectPage(discussion), subjectName) ?? escapeMarkdown(subjectName));
  const created = formatDateTime(discussion.created, locale);
  const last = formatDateTime(lastMessageDate(discussion), locale);
  const messages = metric(discussion.discussion?.length, locale);
  const closed = formatDateTime(discussion.closed, locale);
  return paragraphs(
    heading(discussion.title, markerLabels(discussion, 'discussion', l10n), l10n.t('Untitled discussion')),
    lines(
      subject && l10n.t('Subject: {0}', subject),
      publisher(discussion.organization, ctx),
      created && l10n.t('Opened: {0}', created),
      last && l10n.t('Last message: {0}', last),
      messages && l10n.t('Messages: {0}', messages),
      closed && l10n.t('Closed: {0}', closed),
    ),
  );
}

export function organizationTooltip(organization: OrganizationRef, count: string, ctx: TooltipContext): string {
  const { l10n } = ctx;
  return paragraphs(`**${escapeMarkdown(organizationName(organization))}**`, lines(escapeMarkdown(count), pageLink(organization.page, l10n)));
}
