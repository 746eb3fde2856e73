#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (or `npm start`) compiles it into dist/.
require('../dist/src/cli/main.js');
