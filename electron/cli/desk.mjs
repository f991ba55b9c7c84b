#!/usr/bin/env node
// The `desk` command runs the TypeScript sources directly (through tsx), so it works on a fresh clone.
import { register } from 'tsx/esm/api';

register();
await import('./desk-cli.ts');
