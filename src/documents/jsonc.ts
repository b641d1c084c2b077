// jsonc-parser's tolerant scanner and parser, imported from the two files that hold them
// rather than from the package's entry point: the entry point also pulls in the
// formatter's tables and builds its enums at load time, 1.7 KB of the shipped bundles
// that nothing here uses. The package has no "exports" map, so these paths are public
// files of the locked version; test/unit/documents/jsonc.test.ts checks that the codes
// below still equal the package's own enums.
import { createScanner as scannerOf } from 'jsonc-parser/lib/esm/impl/scanner.js';
import { getLocation as locationOf, parseTree as treeOf, findNodeAtLocation as nodeAt } from 'jsonc-parser/lib/esm/impl/parser.js';
import type * as jsonc from 'jsonc-parser';

export type { Node, ParseError } from 'jsonc-parser';

export const createScanner: typeof jsonc.createScanner = scannerOf;
export const getLocation: typeof jsonc.getLocation = locationOf;
export const parseTree: typeof jsonc.parseTree = treeOf;
export const findNodeAtLocation: typeof jsonc.findNodeAtLocation = nodeAt;

/** jsonc-parser's `ScanError` codes that this extension reads. */
export const ScanError = { UnexpectedEndOfString: 2 } as const satisfies Partial<Record<keyof typeof jsonc.ScanError, jsonc.ScanError>>;

/** jsonc-parser's `ParseErrorCode`s, the numbers its parser reports. */
export const ParseErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const satisfies Record<keyof typeof jsonc.ParseErrorCode, jsonc.ParseErrorCode>;
