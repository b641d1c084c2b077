// A fake of the parts of the `vscode` module that the file system provider, the
// session and their helpers use, owned by the tests (see register.cjs). `fake` lets a
// test see what was shown and answer prompts; everything else behaves like VS Code's
// own types as far as src/ relies on them.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-declaration-merging -- a fake of an API typed elsewhere, merged as VS Code's own declarations are */

export interface Disposable {
  dispose(): unknown;
}

export class Disposable {
  constructor(private readonly callOnDispose: () => unknown) {}
  static from(...disposables: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => disposables.forEach((d) => d.dispose()));
  }
  dispose(): unknown {
    return this.callOnDispose();
  }
}

export type Event<T> = (listener: (event: T) => unknown) => Disposable;

export class EventEmitter<T> {
  private listeners = new Set<(event: T) => unknown>();
  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  static from(parts: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(parts.scheme, parts.authority ?? '', parts.path ?? '', parts.query ?? '', parts.fragment ?? '');
  }
  static parse(value: string): Uri {
    const match = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!match) throw new Error(`not a URI: ${value}`);
    return new Uri(match[1], match[2] ?? '', match[3], match[4] ?? '', match[5] ?? '');
  }
  with(change: Partial<{ scheme: string; path: string; query: string }>): Uri {
    return new Uri(change.scheme ?? this.scheme, this.authority, change.path ?? this.path, change.query ?? this.query, this.fragment);
  }
  toString(): string {
    return `${this.scheme}:${this.authority ? `//${this.authority}` : ''}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  translate(lineDelta = 0, characterDelta = 0): Position {
    return new Position(this.line + lineDelta, this.character + characterDelta);
  }
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
}

export enum FilePermission {
  Readonly = 1,
}

export enum FileChangeType {
  Changed = 1,
  Created = 2,
  Deleted = 3,
}

export class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
  static FileNotFound(cause?: unknown): FileSystemError {
    return new FileSystemError(String(cause), 'FileNotFound');
  }
  static NoPermissions(cause?: unknown): FileSystemError {
    return new FileSystemError(String(cause), 'NoPermissions');
  }
  static Unavailable(cause?: unknown): FileSystemError {
    return new FileSystemError(String(cause), 'Unavailable');
  }
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: string[] };
  constructor(public value = '') {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export class Hover {
  constructor(
    readonly contents: MarkdownString,
    readonly range?: Range,
  ) {}
}

export enum CompletionItemKind {
  Value = 12,
  EnumMember = 20,
  Reference = 17,
}

export class CompletionList {
  constructor(
    readonly items: CompletionItem[] = [],
    readonly isIncomplete = false,
  ) {}
}

export class CompletionItem {
  detail?: string;
  documentation?: MarkdownString;
  insertText?: string;
  range?: Range;
  filterText?: string;
  sortText?: string;
  constructor(
    readonly label: string | { label: string; description?: string },
    readonly kind?: CompletionItemKind,
  ) {}
}

export class TabInputText {
  constructor(readonly uri: Uri) {}
}

export class TabInputTextDiff {
  constructor(
    readonly original: Uri,
    readonly modified: Uri,
  ) {}
}

export class WorkspaceEdit {
  readonly replacements: Array<{ uri: Uri; range: Range; text: string }> = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.replacements.push({ uri, range, text });
  }
}

/** A text document as src/ sees it; the tests' editors (editorModel.ts) implement it. */
export interface TextDocument {
  readonly uri: Uri;
  readonly isDirty: boolean;
  getText(): string;
  positionAt(offset: number): Position;
  save(): Promise<boolean>;
}

export interface Tab {
  input: unknown;
}

/** What the tests see and steer. */
export const fake = {
  textDocuments: [] as TextDocument[],
  tabs: [] as Tab[],
  /** Every message shown: kind, text, buttons. */
  messages: [] as Array<{ kind: 'info' | 'warning' | 'error'; text: string; items: string[]; modal: boolean }>,
  /** Answers to the next prompts, in order: a button's title, or undefined (dismissed). */
  answers: [] as Array<string | undefined>,
  statusBarMessages: [] as string[],
  /** Every document shown in an editor (window.showTextDocument): its uri and whether as a preview. */
  shownDocuments: [] as Array<{ uri: string; preview: boolean | undefined }>,
  /** Every quick pick shown: its title and its items' labels. */
  picks: [] as Array<{ title?: string; labels: string[] }>,
  /** Every line written to the extension's log channel. */
  log: [] as string[],
  commands: [] as Array<{ command: string; args: unknown[] }>,
  context: new Map<string, unknown>(),
  /** Hover and completion providers registered through `languages`. */
  hoverProviders: [] as Array<{ selector: unknown; provider: any }>,
  completionProviders: [] as Array<{ selector: unknown; provider: any; triggers: string[] }>,
  /** Command handlers registered through commands.registerCommand. */
  registered: new Map<string, (...args: unknown[]) => unknown>(),
  configuration: new Map<string, unknown>(),
  /** Applies a WorkspaceEdit to the documents (editorModel.ts sets it). */
  applyEdit: async (_edit: WorkspaceEdit): Promise<boolean> => false,
  textDocumentChanges: new EventEmitter<{ document: TextDocument; contentChanges: unknown[] }>(),
  textDocumentCloses: new EventEmitter<TextDocument>(),
  tabChanges: new EventEmitter<{ opened: Tab[]; closed: Tab[]; changed: Tab[] }>(),
  configurationChanges: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  reset(): void {
    fake.textDocuments.length = 0;
    fake.tabs.length = 0;
    fake.messages.length = 0;
    fake.answers.length = 0;
    fake.statusBarMessages.length = 0;
    fake.shownDocuments.length = 0;
    fake.picks.length = 0;
    fake.log.length = 0;
    fake.commands.length = 0;
    fake.context.clear();
  },
};

function format(message: string, args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) in args ? String(args[Number(index)]) : match));
}

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return format(message, args);
  },
};

export const env = { language: 'en', uiKind: 1 };

function show(kind: 'info' | 'warning' | 'error') {
  return async (text: string, ...rest: any[]): Promise<string | undefined> => {
    const options = rest[0] && typeof rest[0] === 'object' && !('title' in rest[0]) ? rest.shift() : undefined;
    const items = rest.map((item) => (typeof item === 'string' ? item : item.title));
    fake.messages.push({ kind, text, items, modal: !!options?.modal });
    return fake.answers.shift();
  };
}

export const window = {
  showInformationMessage: show('info'),
  showWarningMessage: show('warning'),
  showErrorMessage: show('error'),
  /** Picks the first item whose label contains the next answer (undefined: dismissed). */
  async showQuickPick<T extends { label: string }>(items: readonly T[] | Promise<readonly T[]>, options?: { title?: string }): Promise<T | undefined> {
    const list = await items;
    fake.picks.push({ title: options?.title, labels: list.map((item) => item.label) });
    const answer = fake.answers.shift();
    return answer === undefined ? undefined : list.find((item) => item.label.includes(answer));
  },
  async showInputBox(options?: { value?: string }): Promise<string | undefined> {
    const answer = fake.answers.shift();
    return answer === '' ? options?.value : answer;
  },
  async showTextDocument(document: { uri: Uri }, options?: { preview?: boolean }): Promise<unknown> {
    fake.shownDocuments.push({ uri: document.uri.toString(), preview: options?.preview });
    return {};
  },
  setStatusBarMessage(text: string): Disposable {
    fake.statusBarMessages.push(text);
    return new Disposable(() => undefined);
  },
  withProgress<R>(
    _options: unknown,
    task: (progress: { report(): void }, token: { onCancellationRequested(listener: () => void): Disposable; isCancellationRequested: boolean }) => Promise<R>,
  ): Promise<R> {
    return task({ report: () => undefined }, { onCancellationRequested: () => new Disposable(() => undefined), isCancellationRequested: false });
  },
  createOutputChannel(name: string) {
    const line = (level: string) => (message: string) => fake.log.push(`[${level}] ${message}`);
    return { name, info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug'), trace: line('trace'), show() {}, dispose() {} };
  },
  createStatusBarItem() {
    return {
      text: '',
      tooltip: undefined as unknown,
      command: undefined as unknown,
      name: '',
      backgroundColor: undefined as unknown,
      show() {},
      hide() {},
      dispose() {},
    };
  },
  tabGroups: {
    get all() {
      return [{ tabs: fake.tabs }];
    },
    onDidChangeTabs: fake.tabChanges.event,
  },
};

export const workspace = {
  get textDocuments(): readonly TextDocument[] {
    return fake.textDocuments;
  },
  onDidChangeTextDocument: fake.textDocumentChanges.event,
  onDidCloseTextDocument: fake.textDocumentCloses.event,
  onDidChangeConfiguration: fake.configurationChanges.event,
  applyEdit: (edit: WorkspaceEdit) => fake.applyEdit(edit),
  /** An open document when the tests hold one for this uri, else one that only knows its uri. */
  async openTextDocument(uri: Uri): Promise<{ uri: Uri }> {
    return fake.textDocuments.find((document) => document.uri.toString() === uri.toString()) ?? { uri };
  },
  getConfiguration(section: string) {
    return {
      get: <T>(key: string, fallback?: T) => (fake.configuration.get(`${section}.${key}`) as T | undefined) ?? fallback,
      inspect: <T>(key: string) => ({ globalValue: fake.configuration.get(`${section}.${key}`) as T | undefined, defaultValue: undefined as T | undefined }),
    };
  },
};

export const languages = {
  registerHoverProvider(selector: unknown, provider: unknown): Disposable {
    const entry = { selector, provider };
    fake.hoverProviders.push(entry);
    return new Disposable(() => fake.hoverProviders.splice(fake.hoverProviders.indexOf(entry), 1));
  },
  registerCompletionItemProvider(selector: unknown, provider: unknown, ...triggers: string[]): Disposable {
    const entry = { selector, provider, triggers };
    fake.completionProviders.push(entry);
    return new Disposable(() => fake.completionProviders.splice(fake.completionProviders.indexOf(entry), 1));
  },
  createDiagnosticCollection() {
    const entries = new Map<string, Diagnostic[]>();
    return {
      entries,
      set: (uri: Uri, diagnostics: Diagnostic[]) => entries.set(uri.toString(), diagnostics),
      delete: (uri: Uri) => entries.delete(uri.toString()),
      get: (uri: Uri) => entries.get(uri.toString()),
      dispose: () => entries.clear(),
    };
  },
};

export const commands = {
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    fake.commands.push({ command, args });
    if (command === 'setContext') fake.context.set(String(args[0]), args[1]);
    return fake.registered.get(command)?.(...args);
  },
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
    if (fake.registered.has(id)) throw new Error(`command '${id}' already exists`);
    fake.registered.set(id, handler);
    return new Disposable(() => fake.registered.delete(id));
  },
};
