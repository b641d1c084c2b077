// What a document that is not valid JSON is told, error by error of the parser: each
// wording pinned with where it points, and what has none of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkJsonDocument, type DocumentSpec } from '../../../src/documents/jsonDocumentCheck';
import type { Translator } from '../../../src/util/translator';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
const validate: DocumentSpec['validate'] = () => true;
const spec: DocumentSpec = { keys: ['a'], validate, readOnlyKeys: new Set() };

/** The message of the first problem of a text, without the sentence around it. */
function parseProblem(text: string): string {
  const result = checkJsonDocument(text, {}, spec, english);
  assert.ok(!result.ok, text);
  return result.problems[0].message.replace(/^The document is not valid JSON: (.*)\.$/, '$1');
}

test('each parse error has its own words, at its line and column', () => {
  const cases: Array<[text: string, message: string]> = [
    ['{"a": 1 "b": 2}', 'a comma is missing at line 1, column 9'],
    ['{"a" 1}', 'a colon is missing at line 1, column 6'],
    ['{"a": 1,}', 'a key in double quotes was expected (is there a comma too many?) at line 1, column 9'],
    ['{"a": }', 'a value was expected at line 1, column 7'],
    ['', 'a value was expected at line 1, column 1'],
    ['{"a": 1', 'a closing brace } is missing at line 1, column 8'],
    ['{"a": [1, 2', 'a closing bracket ] is missing at line 1, column 12'],
    ['{"a": 1} {}', 'there is text after the end of the object at line 1, column 10'],
    ['{"a": "x', 'a text is not closed by a double quote at line 1, column 7'],
    ['{"a": 1 // c\n}', 'comments are not allowed at line 1, column 9'],
    ['{"a": 1 /* c', 'comments are not allowed at line 1, column 9'],
  ];
  for (const [text, message] of cases) assert.equal(parseProblem(text), message, text);
});

test('a parse error without words of its own is an unexpected character', () => {
  assert.equal(parseProblem('{"a": @}'), 'unexpected character at line 1, column 7');
  assert.equal(parseProblem('{"a": "\\q"}'), 'unexpected character at line 1, column 7');
  assert.equal(parseProblem('{"a": "\\u12"}'), 'unexpected character at line 1, column 7');
});
