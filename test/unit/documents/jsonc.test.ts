// src/documents/jsonc.ts imports jsonc-parser's implementation files directly and keeps
// its own copy of the error codes: this fails if an update of the package moves either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as jsoncPackage from 'jsonc-parser';
import * as jsonc from '../../../src/documents/jsonc';

// The package declares its enums as `const enum`, which TypeScript will not let a test
// enumerate; its entry point builds them as objects all the same.
const packageEnums = jsoncPackage as unknown as Record<'ParseErrorCode' | 'ScanError', Record<string, number | string>>;

test('the error codes are the package’s own', () => {
  for (const [name, code] of Object.entries(jsonc.ParseErrorCode)) assert.equal(code, packageEnums.ParseErrorCode[name], name);
  // TypeScript's enum objects map names to numbers and numbers back to names.
  assert.equal(Object.keys(jsonc.ParseErrorCode).length * 2, Object.keys(packageEnums.ParseErrorCode).length, 'every ParseErrorCode is listed');
  assert.equal(jsonc.ScanError.UnexpectedEndOfString, packageEnums.ScanError.UnexpectedEndOfString);
});

test('the parser and scanner behave as the package’s entry point', () => {
  const broken = '{"title": "x", "datasets": ["5d6f", }';
  const errors: jsoncPackage.ParseError[] = [];
  const packageErrors: jsoncPackage.ParseError[] = [];
  const tree = jsonc.parseTree(broken, errors);
  assert.deepEqual(tree && jsonc.findNodeAtLocation(tree, ['datasets', 0])?.value, '5d6f');
  jsoncPackage.parseTree(broken, packageErrors);
  assert.deepEqual(errors, packageErrors);
  assert.ok(errors.some((error) => error.error === jsonc.ParseErrorCode.ValueExpected));
  assert.deepEqual(jsonc.getLocation(broken, 30).path, jsoncPackage.getLocation(broken, 30).path);

  const scanner = jsonc.createScanner('"not closed', false);
  scanner.scan();
  assert.equal(scanner.getTokenError(), jsonc.ScanError.UnexpectedEndOfString);
});
