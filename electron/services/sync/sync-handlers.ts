import type { CallName } from '../../../shared/contract.js';
import type { Handlers } from '../desk-handlers.js';
import type { Workspace } from '../workspace/workspace.js';
import { importPosts, searchRemotePosts, syncSite } from './site-sync.js';

type SyncCall = Extract<CallName, `sync.${string}`>;

/** Sharing through the site: syncing drafts both ways, and importing chosen posts. */
export function createSyncHandlers(ws: Workspace): Pick<Handlers, SyncCall> {
  return {
    'sync.run': ({ siteId, pullOnly }) => syncSite(ws, siteId, { pullOnly }),
    'sync.status': ({ siteId }) => {
      ws.sites.get(siteId);
      return ws.siteSync.lastReport(siteId);
    },
    'sync.searchRemote': ({ siteId, ...filter }) => searchRemotePosts(ws, siteId, filter),
    'sync.importPosts': async ({ siteId, postIds }) => ({ results: await importPosts(ws, siteId, postIds) }),
  };
}
