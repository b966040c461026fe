// Every block of a post's content through WordPress's own block validation (issue 19).
//
//   node tools/wordpress/validate_blocks.js NODE_FOLDER < content.html
//
// NODE_FOLDER holds the pinned npm packages (`make test-publish` installs them from
// tools/wordpress/blocks/package.json): @wordpress/blocks parses the content as the block editor
// does and validates each block against the markup its registered `save` produces;
// @wordpress/block-library provides the core blocks (registerCoreBlocks); jsdom is the browser
// window they need. Nothing is downloaded here.
//
// Prints one JSON object: {"blocks": N, "invalid": [{"name", "issues", "html"}, ...]}
// (N counts every block, nested ones too) and exits 1 when a block is invalid.
'use strict';

const path = require('path');
const util = require('util');
const { createRequire } = require('module');

const folder = path.resolve(process.argv[2] || '.');
const load = createRequire(path.join(folder, 'package.json'));

// The editor's packages expect a browser: one jsdom window serves as the global scope. Its
// console is not forwarded, since the components' modern CSS is beyond jsdom's parser and only
// its complaints would appear.
const { JSDOM, VirtualConsole } = load('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
  url: 'http://localhost/',
  pretendToBeVisual: true,
  virtualConsole: new VirtualConsole(),
});
const { window } = dom;
window.matchMedia = () => ({
  matches: false,
  addListener() {},
  removeListener() {},
  addEventListener() {},
  removeEventListener() {},
});
global.window = window;
for (const name of Object.getOwnPropertyNames(window)) {
  if (!(name in global)) {
    global[name] = window[name];
  }
}

// The packages log while loading (stores registered by the nested copies of some packages) and
// while validating (each issue): quiet here, the issues are reported from the blocks themselves.
const quiet = ['log', 'info', 'warn', 'error'].map((level) => {
  const original = console[level];
  console[level] = () => {};
  return () => {
    console[level] = original;
  };
});

const { parse } = load('@wordpress/blocks');
const { registerCoreBlocks } = load('@wordpress/block-library');
registerCoreBlocks();

// An issue's arguments are a format string and its values; a block type stands for its name.
function issueText(issue) {
  const args = (issue.args || []).map((value) =>
    value && typeof value === 'object' && typeof value.save === 'function' ? value.name : value,
  );
  return util.format(...args).replace(/\s+/g, ' ').trim();
}

let content = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  content += chunk;
});
process.stdin.on('end', () => {
  const blocks = parse(content);
  quiet.forEach((restore) => restore());
  let count = 0;
  const invalid = [];
  const visit = (list) => {
    for (const block of list) {
      count += 1;
      if (!block.isValid) {
        invalid.push({
          name: block.name,
          issues: (block.validationIssues || []).map(issueText),
          html: block.originalContent || '',
        });
      }
      visit(block.innerBlocks || []);
    }
  };
  visit(blocks);
  process.stdout.write(JSON.stringify({ blocks: count, invalid }) + '\n');
  process.exitCode = invalid.length ? 1 : 0;
});
