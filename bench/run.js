// Entry for `npm run bench -- <name> [options]`: runs the compiled benchmarks (built by `npm install`).
import './dist/run.js';
