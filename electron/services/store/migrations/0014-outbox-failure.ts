import type { Migration } from './index.js';

export const migration0014OutboxFailure: Migration = {
  version: 14,
  name: 'why an outbox job failed, where the desk offers a way on',
  up(db) {
    db.exec(`
      -- 'conflict': the post was edited on the web; 'may-not-publish': the account may only submit
      -- for review. The panel offers the matching action from this, not from the message's wording.
      ALTER TABLE outbox_jobs ADD COLUMN failure TEXT;
    `);
  },
};
