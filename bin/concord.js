#!/usr/bin/env node
// `node bin/concord.js …`, as the docs and scripts write it: the command is bin/concord.cjs
// (package.json "bin"), CommonJS so that Node starts it without its ES module loader.
import './concord.cjs';
