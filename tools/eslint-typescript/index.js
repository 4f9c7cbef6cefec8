// typescript-eslint for the project's ESLint config, on TypeScript 6.
// typescript-eslint reads the TypeScript JS API, which TypeScript 7 (the project's `tsc` and `next build`) no longer
// ships. This package depends on TypeScript 6 itself, so npm nests that copy here and its `tsc` never shadows the
// project's. npm hoists ts-api-utils to the root, though (its peer range admits 7), so `require('typescript')` from
// the lint toolchain is pointed at the nested copy: everyone else still resolves TypeScript 7.
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const typescript6 = require.resolve('typescript');
const lintToolchain = /[\\/]node_modules[\\/](typescript-eslint|@typescript-eslint[\\/][^\\/]+|ts-api-utils)[\\/]/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent?.filename && lintToolchain.test(parent.filename)) return typescript6;
  return resolveFilename.call(this, request, parent, ...rest);
};

// Loaded after the hook on purpose (a static import would run before it).
export default require('typescript-eslint');
