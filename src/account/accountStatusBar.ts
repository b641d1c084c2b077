// A status bar item that says who is signed in (and on which host when it is not
// production). Its tooltip shows the user's metrics; a click offers the account
// actions. It asks the API nothing by itself: it shows the user once something (the
// sidebar, a command) has loaded them, and loads the metrics when the menu opens.
import * as vscode from 'vscode';
import { isProductionApi } from '../api/apiUrl';
import type { Me, MyMetrics } from '../api/models';
import type { AuthSession } from '../auth/session';
import { escapeMarkdown } from '../util/markdown';
import { personName } from '../tree/format';

export class AccountStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('datagouv.account', vscode.StatusBarAlignment.Left, 0);
  readonly #disposables: vscode.Disposable[];
  #me: Me | undefined;
  #metrics: MyMetrics | undefined;
  readonly #session: AuthSession;

  constructor(session: AuthSession) {
    this.#session = session;
    this.#item.name = vscode.l10n.t('data.gouv.fr account');
    this.#item.command = 'datagouv.accountMenu';
    this.#disposables = [
      this.#item,
      session.onDidLoadMe((me) => {
        this.#me = me;
        this.#metrics = undefined;
        this.#render();
      }),
      session.onDidChange(() => this.#render()),
    ];
    this.#render();
  }

  /** Shows the metrics in the tooltip once they are known. */
  setMetrics(metrics: MyMetrics): void {
    this.#metrics = metrics;
    this.#render();
  }

  #render(): void {
    if (!this.#session.isSignedIn || this.#session.apiUrlError) {
      this.#item.hide();
      return;
    }
    const { baseUrl } = this.#session.client;
    const host = baseUrl.host;
    const production = isProductionApi(baseUrl);
    const name = this.#me ? personName(this.#me) || this.#me.slug : undefined;
    const who = name ?? vscode.l10n.t('signed in');
    this.#item.text = production ? `$(account) ${who}` : `$(account) ${who} · ${host}`;
    // Paragraphs: the host, who (once known), the metrics (once loaded), the hint.
    this.#item.tooltip = new vscode.MarkdownString(
      [
        `**data.gouv.fr** — ${escapeMarkdown(host)}`,
        name && vscode.l10n.t('Signed in as {0}', escapeMarkdown(name)),
        this.#metrics && metricsMarkdown(this.#metrics),
        vscode.l10n.t('Click for account actions.'),
      ]
        .filter(Boolean)
        .join('\n\n'),
      true,
    );
    this.#item.backgroundColor = production ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.#item.show();
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}

export function metricsLines(metrics: MyMetrics): string[] {
  const number = (value: unknown) => (typeof value === 'number' ? value.toLocaleString(vscode.env.language) : '—');
  const availability = typeof metrics.resources_availability === 'number' ? `${Math.round(metrics.resources_availability * 100)} %` : '—';
  return [
    vscode.l10n.t('My datasets: {0}', number(metrics.datasets_count)),
    vscode.l10n.t('Datasets of my organizations: {0}', number(metrics.datasets_org_count)),
    vscode.l10n.t('My followers: {0}', number(metrics.followers_count)),
    vscode.l10n.t('Followers of my organizations: {0}', number(metrics.followers_org_count)),
    vscode.l10n.t('Resources available: {0}', availability),
  ];
}

function metricsMarkdown(metrics: MyMetrics): string {
  return metricsLines(metrics)
    .map((line) => `- ${escapeMarkdown(line)}`)
    .join('\n');
}
