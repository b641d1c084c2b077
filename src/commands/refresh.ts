// "data.gouv.fr: Refresh": reloads the sidebar. From a view's title bar or the palette
// it reloads every view; the Retry node of a view passes that view's id.
import { VIEWS, type ViewId } from '../tree/nodes';
import { defineCommand } from './registry';

export const refreshCommand = defineCommand({
  id: 'datagouv.refresh',
  name: 'Refresh',
  run({ sidebar }, view?: unknown) {
    sidebar.refresh(typeof view === 'string' && (VIEWS as readonly string[]).includes(view) ? (view as ViewId) : undefined);
  },
});
