#!/usr/bin/env node
// The `openbmd` executable. A committed launcher, so that npm can link it during `npm install`
// before the `prepare` step has built dist/ (npm links a workspace's bins before building it).
import '../dist/bin.js';
