// The ids of the extension's commands: the contract with package.json (checked by
// test/unit/commands/registry.test.ts), users' keybindings and tests. Code that runs a
// command names it through `runCommand`, so a typo is a type error.
import * as vscode from 'vscode';

export const COMMAND_IDS = [
  'datagouv.openDataset',
  'datagouv.openResource',
  'datagouv.newDataset',
  'datagouv.deleteDataset',
  'datagouv.restoreDataset',
  'datagouv.archiveDataset',
  'datagouv.unarchiveDataset',
  'datagouv.makeDatasetPrivate',
  'datagouv.makeDatasetPublic',
  'datagouv.uploadResource',
  'datagouv.replaceResourceFile',
  'datagouv.addRemoteResource',
  'datagouv.deleteResource',
  'datagouv.setApiKey',
  'datagouv.signOut',
  'datagouv.refresh',
  'datagouv.loadMore',
  'datagouv.openReuse',
  'datagouv.openInBrowser',
  'datagouv.copyId',
  'datagouv.copyLink',
  'datagouv.sortDatasets',
  'datagouv.showLog',
  'datagouv.showFullJson',
  'datagouv.restoreReuse',
  'datagouv.newReuse',
  'datagouv.deleteReuse',
  'datagouv.archiveReuse',
  'datagouv.unarchiveReuse',
  'datagouv.makeReusePrivate',
  'datagouv.makeReusePublic',
  'datagouv.addDatasetToReuse',
  'datagouv.addToReuse',
  'datagouv.followReuse',
  'datagouv.unfollowReuse',
  'datagouv.showFollowers',
  'datagouv.featureReuse',
  'datagouv.unfeatureReuse',
  'datagouv.addReuseBadge',
  'datagouv.removeReuseBadge',
  'datagouv.editProfile',
  'datagouv.showMetrics',
  'datagouv.regenerateApiKey',
  'datagouv.revokeApiKey',
  'datagouv.deleteAccount',
  'datagouv.accountMenu',
  'datagouv.openProfilePage',
  'datagouv.manageApiTokens',
  'datagouv.orgInvitations',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

export function runCommand(id: CommandId, ...args: unknown[]): Thenable<unknown> {
  return vscode.commands.executeCommand(id, ...args);
}
