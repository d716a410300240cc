#!/usr/bin/env node
// Launcher for the `gouji` CLI: runs the TypeScript sources through tsx (a devDependency), so the CLI
// always uses the same lib/ as the extension.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
