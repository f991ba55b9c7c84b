import type Database from 'better-sqlite3';
import { migration0001Core } from './0001-core.js';
import { migration0002RevisionsAssets } from './0002-revisions-assets.js';
import { migration0003Search } from './0003-search.js';
import { migration0004WorkflowNotes } from './0004-workflow-notes.js';
import { migration0005AssetWebCrop } from './0005-asset-web-crop.js';
import { migration0006ArticleBodies } from './0006-article-bodies.js';
import { migration0007Sites } from './0007-sites.js';
import { migration0008Publications } from './0008-publications.js';
import { migration0009Outbox } from './0009-outbox.js';
import { migration0010Flatplans } from './0010-flatplans.js';
import { migration0011WebSettings } from './0011-web-settings.js';
import { migration0012SiteSync } from './0012-site-sync.js';
import { migration0013UnconfirmedWrites } from './0013-unconfirmed-writes.js';
import { migration0014OutboxFailure } from './0014-outbox-failure.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In order; never edit a step that has shipped, add a new one. */
export const MIGRATIONS: Migration[] = [migration0001Core, migration0002RevisionsAssets, migration0003Search, migration0004WorkflowNotes, migration0005AssetWebCrop, migration0006ArticleBodies, migration0007Sites, migration0008Publications, migration0009Outbox, migration0010Flatplans, migration0011WebSettings, migration0012SiteSync, migration0013UnconfirmedWrites, migration0014OutboxFailure];
