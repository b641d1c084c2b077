// The extension's one LogOutputChannel, "data.gouv.fr". Requests are logged as
// method, path, status and time; never headers, never bodies, never the key.
import * as vscode from 'vscode';
import type { RequestLogger } from '../api/client';
import { SecretRedactor } from './secretRedactor';

export class Log implements RequestLogger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  readonly redactor = new SecretRedactor();

  constructor() {
    this.channel = vscode.window.createOutputChannel('data.gouv.fr', { log: true });
  }

  request(method: string, path: string, status: number | string, elapsedMs: number): void {
    const line = this.redactor.redact(`${method} ${path} → ${status} (${elapsedMs} ms)`);
    if (typeof status === 'number' && status < 400) this.channel.info(line);
    else this.channel.warn(line);
  }

  info(message: string): void {
    this.channel.info(this.redactor.redact(message));
  }

  warn(message: string): void {
    this.channel.warn(this.redactor.redact(message));
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `: ${error.message}` : error !== undefined ? `: ${String(error)}` : '';
    this.channel.error(this.redactor.redact(message + detail));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
