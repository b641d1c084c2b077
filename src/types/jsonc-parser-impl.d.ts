// The two implementation files of jsonc-parser that src/documents/jsonc.ts imports ship
// without type declarations; their functions are the ones the package's entry point
// re-exports, so they take its types.
declare module 'jsonc-parser/lib/esm/impl/scanner.js' {
  export const createScanner: typeof import('jsonc-parser').createScanner;
}
declare module 'jsonc-parser/lib/esm/impl/parser.js' {
  export const getLocation: typeof import('jsonc-parser').getLocation;
  export const parseTree: typeof import('jsonc-parser').parseTree;
  export const findNodeAtLocation: typeof import('jsonc-parser').findNodeAtLocation;
}
