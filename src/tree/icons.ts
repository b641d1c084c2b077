// The codicon of each reuse type and resource format, for the views.

/** A codicon id per reuse type (ids that exist since VS Code 1.85). */
export function reuseTypeIcon(type: string | null | undefined): string {
  switch (type) {
    case 'api':
      return 'plug';
    case 'application':
      return 'browser';
    case 'idea':
      return 'lightbulb';
    case 'news_article':
      return 'megaphone';
    case 'paper':
      return 'book';
    case 'post':
      return 'comment-discussion';
    case 'visualization':
      return 'graph';
    case 'hardware':
      return 'circuit-board';
    default:
      return 'link';
  }
}

/** A codicon id per resource format. */
export function resourceIcon(format: string | null | undefined): string {
  switch ((format ?? '').toLowerCase()) {
    case 'csv':
    case 'tsv':
    case 'xls':
    case 'xlsx':
    case 'ods':
    case 'parquet':
      return 'table';
    case 'json':
    case 'geojson':
    case 'xml':
    case 'jsonld':
      return 'json';
    case 'zip':
    case 'gz':
    case '7z':
    case 'tar':
      return 'file-zip';
    case 'png':
    case 'jpg':
    case 'jpeg':
    case 'svg':
    case 'tif':
    case 'tiff':
      return 'file-media';
    case 'pdf':
    case 'doc':
    case 'docx':
    case 'odt':
      return 'file-pdf';
    default:
      return 'file';
  }
}
