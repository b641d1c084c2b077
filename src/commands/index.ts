// Every command of the extension, registered from this one table (extension.ts). A new
// command is a `defineCommand` in its own file, listed here, its id in commandIds.ts,
// and its contribution in package.json (see CONTRIBUTING.md).
import { accountCommands } from './account';
import { manageApiTokensCommand } from './apiTokens';
import { addDatasetToReuseCommand, addToReuseCommand } from './addDatasetToReuse';
import { copyIdCommand, copyLinkCommand } from './copyToClipboard';
import { newReuseCommand } from './newReuse';
import { newDatasetCommand } from './newDataset';
import { datasetActionCommands } from './datasetActions';
import { openDatasetCommand, openResourceCommand } from './openDataset';
import { resourceCommands } from './resourceActions';
import { openInBrowserCommand } from './openInBrowser';
import { openReuseCommand } from './openReuse';
import { orgInvitationsCommand } from './orgInvitations';
import { refreshCommand } from './refresh';
import { loadMoreCommand } from './loadMore';
import type { Command } from './registry';
import { restoreReuseCommand } from './restoreReuse';
import { reuseActionCommands } from './reuseActions';
import { setApiKeyCommand } from './setApiKey';
import { showFullJsonCommand } from './showFullJson';
import { showLogCommand } from './showLog';
import { signOutCommand } from './signOut';
import { sortDatasetsCommand } from './sortDatasets';

export const COMMANDS: readonly Command[] = [
  setApiKeyCommand,
  signOutCommand,
  showLogCommand,
  refreshCommand,
  loadMoreCommand,
  sortDatasetsCommand,
  openInBrowserCommand,
  copyIdCommand,
  copyLinkCommand,
  openReuseCommand,
  showFullJsonCommand,
  newReuseCommand,
  restoreReuseCommand,
  ...reuseActionCommands,
  addDatasetToReuseCommand,
  addToReuseCommand,
  ...accountCommands,
  manageApiTokensCommand,
  orgInvitationsCommand,
  openDatasetCommand,
  openResourceCommand,
  newDatasetCommand,
  ...datasetActionCommands,
  ...resourceCommands,
];

export { registerCommands, type CommandContext } from './registry';
