// The resource document: the fields of udata's resource form a publisher edits
// (udata/core/dataset/forms.py, `BaseResourceForm`). `filetype` is shown because it
// decides what else may change: for a file stored on data.gouv.fr (`file`), udata
// silently keeps its own url, format, size and checksum (HOSTED_RESOURCE_PROTECTED_FIELDS),
// so the document refuses changing them rather than pretend. Pure code.
import { valueText } from '../valueText';
import type { Translator } from '../../util/translator';
import type { Resource, ResourcePatch, ResourceSchemaRef } from '../../api/models';
import validateResourceDocument from '../generated/validateResourceDocument';
import { documentKeys } from '../schemaCheck';
import { checkJsonDocument, renderJsonDocument, type DocumentCheck, type DocumentSpec } from '../jsonDocumentCheck';
import { RESOURCE_TYPES } from './resourceSchema';
import { describeSharedField } from '../sharedFieldMessages';

export interface ResourceDocument {
  title: string;
  description: string | null;
  type: string;
  filetype: string;
  format: string | null;
  url: string;
  schema: ResourceSchemaRef | null;
  extras: Record<string, unknown>;
}

/** The editable keys, in the order of the document (title, description, type, filetype, format, url, schema, extras). */
export const RESOURCE_DOCUMENT_KEYS = documentKeys<ResourceDocument>(validateResourceDocument);

export function projectResource(resource: Resource): ResourceDocument {
  const schema = resource.schema && (resource.schema.name || resource.schema.url) ? resource.schema : null;
  return {
    title: resource.title ?? '',
    description: resource.description ?? null,
    type: resource.type ?? 'main',
    filetype: resource.filetype ?? 'file',
    format: resource.format ?? null,
    url: resource.url ?? '',
    schema: schema ? { name: schema.name ?? null, version: schema.version ?? null, url: schema.url ?? null } : null,
    extras: resource.extras ?? {},
  };
}

export function renderResourceDocument(document: ResourceDocument): string {
  return renderJsonDocument(RESOURCE_DOCUMENT_KEYS, document);
}

/** The PUT body: the changed fields, never `filetype` (udata refuses any change of it). */
export function resourcePatchBody(patch: Partial<ResourceDocument>): ResourcePatch {
  const { filetype: _filetype, ...body } = patch;
  return body as ResourcePatch;
}

function resourceSpec(base: ResourceDocument): DocumentSpec {
  return {
    keys: RESOURCE_DOCUMENT_KEYS,
    validate: validateResourceDocument,
    readOnlyKeys: new Set(['id', 'checksum', 'filesize', 'mime', 'created_at', 'last_modified', 'latest', 'metrics', 'harvest', 'internal', 'preview_url']),
    rules(value, l10n) {
      const problems: Array<{ field: string; message: string }> = [];
      if (base.filetype && value.filetype !== base.filetype) {
        problems.push({ field: 'filetype', message: l10n.t('"filetype" cannot change after the resource was created: put back "{0}".', base.filetype) });
        return problems;
      }
      if (base.filetype === 'file') {
        for (const field of ['url', 'format'] as const) {
          if (value[field] !== base[field]) {
            problems.push({
              field,
              message: l10n.t(
                '"{0}" of a file stored on data.gouv.fr is set by data.gouv.fr and would not change: put back its value. To send another file, use "Replace File…".',
                field,
              ),
            });
          }
        }
      }
      return problems;
    },
    describe(error, path, value, l10n) {
      const [field] = path;
      if (error.keyword === 'enum' && field === 'type')
        return l10n.t('"{0}" is not a type of resource. Use one of: {1}.', valueText(value.type), RESOURCE_TYPES.join(', '));
      return describeSharedField(error, path, l10n);
    },
  };
}

export function checkResourceText(text: string, base: ResourceDocument, l10n: Translator): DocumentCheck<ResourceDocument> {
  return checkJsonDocument(text, base, resourceSpec(base), l10n);
}
