#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via the prepare script).
import('../dist/cli/main.js').then(
  ({ run }) => run(process.argv),
  (err) => {
    console.error(`rasad: cannot load the compiled CLI (${err instanceof Error ? err.message : String(err)}); run npm run build`);
    process.exit(1);
  },
);
