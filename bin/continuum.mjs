#!/usr/bin/env node
// The `continuum` command for administrators and headless runs. It runs the
// TypeScript core from source through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
