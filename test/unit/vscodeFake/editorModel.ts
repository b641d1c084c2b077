// An editor as VS Code's text file model drives a FileSystemProvider, for the fast
// tests: open = stat + readFile; save = stat, compare its etag (mtime + size) with the
// one last read and show "the content of the file is newer" when it moved (then
// writeFile is never called), else writeFile and stat again; a change event reloads
// a clean editor when the etag moved. A test that hits the "newer" prompt sees it as
// `fileIsNewer`, the failure VS Code's own logic would produce.
import type * as vscode from 'vscode';
import { fake, Position, TabInputText, type TextDocument, Uri, type WorkspaceEdit } from './vscode';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function etag(stat: vscode.FileStat): string {
  return `${stat.mtime}:${stat.size}`;
}

export class EditorModel implements TextDocument {
  private text = '';
  private savedText = '';
  private lastStat!: vscode.FileStat;
  private reloading: Promise<void> = Promise.resolve();
  private saving = false;
  /** Set when VS Code would have shown its own "file is newer" prompt. */
  fileIsNewer = false;
  private readonly tab = { input: undefined as unknown };
  private readonly subscription: vscode.Disposable;

  private constructor(
    private readonly provider: vscode.FileSystemProvider,
    readonly uri: Uri,
  ) {
    this.tab.input = new TabInputText(uri);
    this.subscription = provider.onDidChangeFile((events) => {
      // A model being saved ignores change events, as VS Code's does.
      if (this.saving) return;
      if (events.some((event) => event.uri.toString() === uri.toString())) this.reloading = this.reloading.then(() => this.reloadIfClean());
    });
  }

  static async open(provider: vscode.FileSystemProvider, path: string): Promise<EditorModel> {
    const model = new EditorModel(provider, Uri.from({ scheme: 'datagouv', path }));
    model.lastStat = await provider.stat(model.uri as unknown as vscode.Uri);
    model.text = model.savedText = decoder.decode(await provider.readFile(model.uri as unknown as vscode.Uri));
    fake.textDocuments.push(model);
    fake.tabs.push(model.tab);
    return model;
  }

  get isDirty(): boolean {
    return this.text !== this.savedText;
  }

  getText(): string {
    return this.text;
  }

  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }

  /** The document as JSON, edited by `change`, typed into the editor. */
  edit(change: (document: Record<string, unknown>) => void): void {
    const document = JSON.parse(this.text) as Record<string, unknown>;
    change(document);
    this.text = JSON.stringify(document, null, 2) + '\n';
  }

  type(text: string): void {
    this.text = text;
  }

  /** Ctrl+S. Resolves false when the save failed (the provider threw) or VS Code would have prompted. */
  async save(): Promise<boolean> {
    const stat = await this.provider.stat(this.uri as unknown as vscode.Uri);
    if (etag(stat) !== etag(this.lastStat)) {
      this.fileIsNewer = true;
      return false;
    }
    const text = this.text;
    this.saving = true;
    try {
      await this.provider.writeFile(this.uri as unknown as vscode.Uri, encoder.encode(text), { create: false, overwrite: true });
      this.lastError = undefined;
      // On a busy machine the stat that ends the save comes a while after the write.
      await new Promise((resolve) => setTimeout(resolve, 100));
      this.lastStat = await this.provider.stat(this.uri as unknown as vscode.Uri);
      this.savedText = text;
      return true;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** The message of the last failed save, as VS Code would show it. */
  lastError: string | undefined;

  /** Waits for the change events of the provider (it fires them after a short delay) and the reloads they cause. */
  async settle(ms = 120): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await this.reloading;
  }

  /** Closes the tab only: VS Code keeps the document's model (and text) for a while. */
  closeTab(): void {
    fake.tabs.splice(fake.tabs.indexOf(this.tab), 1);
    fake.tabChanges.fire({ opened: [], closed: [this.tab], changed: [] });
  }

  /** Shows the kept model again in a new tab, without reading the file (as VS Code does). */
  reopenTab(): void {
    fake.tabs.push(this.tab);
    fake.tabChanges.fire({ opened: [this.tab], closed: [], changed: [] });
  }

  close(): void {
    this.subscription.dispose();
    fake.textDocuments.splice(fake.textDocuments.indexOf(this), 1);
    fake.tabs.splice(fake.tabs.indexOf(this.tab), 1);
    fake.tabChanges.fire({ opened: [], closed: [this.tab], changed: [] });
    fake.textDocumentCloses.fire(this);
  }

  private async reloadIfClean(): Promise<void> {
    if (this.isDirty) return;
    const stat = await this.provider.stat(this.uri as unknown as vscode.Uri);
    if (etag(stat) === etag(this.lastStat)) return;
    this.text = this.savedText = decoder.decode(await this.provider.readFile(this.uri as unknown as vscode.Uri));
    this.lastStat = stat;
  }
}

// Discard Mine replaces the whole text through a WorkspaceEdit.
fake.applyEdit = async (edit: WorkspaceEdit) => {
  for (const { uri, text } of edit.replacements) {
    const model = fake.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (!(model instanceof EditorModel)) return false;
    model.type(text);
  }
  return true;
};
