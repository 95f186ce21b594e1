#!/usr/bin/env node
// The compiled command line (built by `npm run build`, which `npm ci` runs).
import '../dist/cli/main.js';
