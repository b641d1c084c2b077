// User-facing sentences for API failures: what happened, and what to do about it.
// Pure code: the translator is passed in (vscode.l10n in the extension), so the
// sentences are testable without VS Code.
import type { ApiError, ApiErrorKind } from '../api/errors';
import type { Translator } from './translator';

export function describeApiError(error: ApiError, l10n: Translator): string {
  const server = error.serverMessage;
  const { inBrowser } = error.details;
  // One sentence per kind, built only for the kind at hand (a table: shorter in the bundle than a switch).
  const sentences: Record<ApiErrorKind, () => string> = {
    offline: () =>
      inBrowser
        ? l10n.t(
            'data.gouv.fr could not be reached from this browser. Check that you are online, that the datagouv.apiUrl setting is the API address (https://…/api/1), and that no proxy or browser extension blocks requests to it; a server that does not accept requests from this page (CORS) looks the same.',
          )
        : l10n.t('data.gouv.fr could not be reached. Check your internet connection (or the datagouv.apiUrl setting) and try again.'),
    timeout: () => l10n.t('data.gouv.fr did not answer in time. Try again in a moment.'),
    cancelled: () => l10n.t('The request was cancelled.'),
    unauthorized: () =>
      server
        ? l10n.t('Your API key was refused ({0}). Set a valid key with "data.gouv.fr: Set API Key".', server)
        : l10n.t('Your API key was refused. Set a valid key with "data.gouv.fr: Set API Key".'),
    forbidden: () => l10n.t('You do not have permission to do this on data.gouv.fr. Ask an administrator of the organization for editor rights.'),
    notFound: () => l10n.t('data.gouv.fr has no such object (404). It may have been removed, or the link is wrong.'),
    methodNotAllowed: () => l10n.t('This data.gouv.fr server does not offer this action.'),
    gone: () => l10n.t('This object has been deleted on data.gouv.fr.'),
    validation: () => {
      const fields = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
      const detail = fields.length ? fields.join('; ') : (server ?? '');
      return detail ? l10n.t('data.gouv.fr refused the change: {0}', detail) : l10n.t('data.gouv.fr refused the change.');
    },
    locked: () => l10n.t('data.gouv.fr is in read-only mode for maintenance: nothing can be changed right now. Try again later.'),
    tooLarge: () =>
      l10n.t(
        'The file is too large for data.gouv.fr (error 413, answered by the server or a proxy in front of it). Nothing was added; a smaller file, or a link to the file (Add Remote Resource…), will go through.',
      ),
    rateLimited: () => l10n.t('data.gouv.fr is receiving too many requests. Wait a minute and try again.'),
    server: () => l10n.t('data.gouv.fr had an internal problem (error {0}). Try again later.', error.status ?? 500),
    redirect: () =>
      inBrowser
        ? l10n.t(
            'The server answered with a redirect, which VS Code for the Web does not follow (the browser hides where it leads, and your API key must not travel). Check the datagouv.apiUrl setting: it must be the exact API address, such as https://www.data.gouv.fr/api/1.',
          )
        : l10n.t(
            'The server redirected the request to another address ({0}). It was not followed, to keep your API key safe. Check the datagouv.apiUrl setting.',
            error.details.location ?? '?',
          ),
    invalidResponse: () => l10n.t('data.gouv.fr sent an answer that could not be read. Try again later.'),
    http: () =>
      server
        ? l10n.t('data.gouv.fr answered with error {0}: {1}', error.status ?? '?', server)
        : l10n.t('data.gouv.fr answered with error {0}.', error.status ?? '?'),
  };
  // A kind the table lacks (an error built from an untyped value) reads as a plain HTTP
  // error, as the switch's default did, rather than throwing while reporting a failure.
  return (Object.hasOwn(sentences, error.kind) ? sentences[error.kind] : sentences.http)();
}
