#!/usr/bin/env node
// Links the package into test/typings/node_modules, as `npm link` would, so the typed-usage checks can
// resolve `"types": ["expect-http/vitest"]` the way a project with expect-http installed does. A type
// reference in tsconfig `types` is looked up in node_modules only; package self-reference does not reach it.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const link = fileURLToPath(new URL('../test/typings/node_modules/expect-http', import.meta.url));
mkdirSync(fileURLToPath(new URL('../test/typings/node_modules', import.meta.url)), { recursive: true });
rmSync(link, { force: true, recursive: false });
symlinkSync(root, link, 'dir');
