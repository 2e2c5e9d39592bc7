#!/usr/bin/env node
// The command-line companion: a thin shell over src/core, run with tsx so it
// uses the very same TypeScript modules as the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
