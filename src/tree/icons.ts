// The codicon of each reuse type and resource format, for the views.
import { REUSE_TYPES } from '../api/models';
import { byValue } from '../util/byValue';

/** A codicon id per reuse type (ids that exist since VS Code 1.85). */
export function reuseTypeIcon(type: string | null | undefined): string {
  // In the order of REUSE_TYPES.
  const icons = ['plug', 'browser', 'lightbulb', 'megaphone', 'book', 'comment-discussion', 'graph', 'circuit-board'] as const;
  return byValue(type, REUSE_TYPES, icons) ?? 'link';
}

/**
 * The resource formats of each icon, space-separated: one string per icon is shorter in
 * the bundle than one `case` per format.
 */
const FORMAT_ICONS: ReadonlyArray<readonly [icon: string, formats: string]> = [
  ['table', 'csv tsv xls xlsx ods parquet'],
  ['json', 'json geojson xml jsonld'],
  ['file-zip', 'zip gz 7z tar'],
  ['file-media', 'png jpg jpeg svg tif tiff'],
  ['file-pdf', 'pdf doc docx odt'],
];

/** A codicon id per resource format. */
export function resourceIcon(format: string | null | undefined): string {
  const name = (format ?? '').toLowerCase();
  return FORMAT_ICONS.find(([, formats]) => formats.split(' ').includes(name))?.[0] ?? 'file';
}
