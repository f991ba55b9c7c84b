import type { Migration } from './index.js';

export const migration0005AssetWebCrop: Migration = {
  version: 5,
  name: 'focal point and crop of each picture for the web',
  up(db) {
    db.exec(`
      ALTER TABLE assets ADD COLUMN focal_x REAL NOT NULL DEFAULT 0.5;
      ALTER TABLE assets ADD COLUMN focal_y REAL NOT NULL DEFAULT 0.5;
      ALTER TABLE assets ADD COLUMN crop_json TEXT;
    `);
  },
};
