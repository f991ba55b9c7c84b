import type { Migration } from './index.js';

export const migration0013UnconfirmedWrites: Migration = {
  version: 13,
  name: 'the writes sent to a post whose answer never came back',
  up(db) {
    db.exec(`
      -- JSON array of write keys (X-LNV-Desk-Write) sent since remote_modified was last known. The desk
      -- may die, or the answer be lost, after the site took one: the post then holds our own write,
      -- not a colleague's edit. Emptied whenever remote_modified is recorded.
      ALTER TABLE publications ADD COLUMN unconfirmed_writes TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
