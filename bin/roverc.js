#!/usr/bin/env node
// Launcher: the CLI is compiled to dist/ by `npm install` (the prepare script).
import '../dist/compiler/cli/main.js';
