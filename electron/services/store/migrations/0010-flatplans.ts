import type { Migration } from './index.js';

export const migration0010Flatplans: Migration = {
  version: 10,
  name: 'flatplans: each print issue keeps its pages and copyfit as one JSON document',
  up(db) {
    // NULL means "never planned": the store starts it as cover, inside cover, contents and empty pages.
    db.exec('ALTER TABLE print_issues ADD COLUMN flatplan_json TEXT');
  },
};
