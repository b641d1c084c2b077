// "data.gouv.fr: Show Log": the extension's LogOutputChannel.
import { defineCommand } from './registry';

export const showLogCommand = defineCommand({
  id: 'datagouv.showLog',
  name: 'Show Log',
  run: ({ log }) => log.show(),
});
