// "data.gouv.fr: Sign Out": forgets the key of the configured API origin (keys of
// other origins stay).
import * as vscode from 'vscode';
import { defineCommand } from './registry';
import { inform } from './dialogs';

export const signOutCommand = defineCommand({
  id: 'datagouv.signOut',
  name: 'Sign Out',
  async run({ session }) {
    await session.signOut();
    void inform(vscode.l10n.t('Signed out of data.gouv.fr. Your API key was removed from this computer.'));
  },
});
