// The JSON schemas of the dataset and resource documents, served to VS Code's JSON
// language features as `datagouv-schema:/dataset.schema.json` and
// `/resource.schema.json` (package.json, `jsonValidation`). They are built in VS Code's
// language with the platform's own lists (licenses, frequencies, granularities, resource
// types) once these are loaded; until then the fixed parts stand alone. The JSON
// extension opens these documents like any other and re-reads them on their change
// event, so completion follows when the lists arrive.
import * as vscode from 'vscode';
import type { PlatformChoices } from '../services/platformChoices';
import { buildDatasetSchema } from './dataset/datasetSchema';
import { buildResourceSchema } from './resource/resourceSchema';

export const SCHEMA_SCHEME = 'datagouv-schema';
export const DATASET_SCHEMA_URI = vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: '/dataset.schema.json' });
export const RESOURCE_SCHEMA_URI = vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: '/resource.schema.json' });

export class PlatformSchemaProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly choices: PlatformChoices,
    sessionChanges: vscode.Event<unknown>,
  ) {
    const refresh = () => {
      this.changed.fire(DATASET_SCHEMA_URI);
      this.changed.fire(RESOURCE_SCHEMA_URI);
    };
    this.subscriptions = [choices.onDidChange(refresh), sessionChanges(refresh)];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const lists = this.choices.current();
    // The lists load once per API: the change event brings them to the editor.
    if (!lists) this.choices.load().catch(() => undefined);
    switch (uri.path) {
      case DATASET_SCHEMA_URI.path:
        return JSON.stringify(buildDatasetSchema(vscode.l10n, lists ?? {}), null, 2);
      case RESOURCE_SCHEMA_URI.path:
        return JSON.stringify(buildResourceSchema(vscode.l10n, lists?.resourceTypes), null, 2);
      default:
        return '{}';
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }
}
