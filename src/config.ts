// Settings of the extension. `datagouv.apiUrl` decides where the API key is sent, so
// only the user's own (application-level) value counts: a workspace or folder value,
// which a cloned repository controls, is never read.
import * as vscode from 'vscode';
import { DEFAULT_API_URL } from './api/apiUrl';

export const API_URL_SETTING = 'datagouv.apiUrl';

export function readApiUrlSetting(): string {
  const inspected = vscode.workspace.getConfiguration('datagouv').inspect<string>('apiUrl');
  return inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_API_URL;
}

export function affectsApiUrl(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(API_URL_SETTING);
}
