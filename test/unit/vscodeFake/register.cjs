// Makes `require('vscode')` in the unit tests load the small fake beside this file:
// the VS Code layer (file system provider, session) runs in seconds without
// code-server. Only the parts of the API that src/ uses there are faked.
const Module = require('node:module');
const path = require('node:path');

const fake = path.join(__dirname, 'vscode.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return fake;
  return resolve.call(this, request, ...rest);
};
