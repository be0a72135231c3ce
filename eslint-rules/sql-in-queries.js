import { basename, relative, sep } from 'node:path';

/**
 * continuum/sql-in-queries: SQL is written in query modules only, so that a
 * reader finds every statement that touches a table in one place per domain
 * and a read path can be typed to the read-only handle.
 *
 * The rule: a `.prepare(...)` call in the core (electron/) is allowed in
 * electron/store/ (the vault engine and the chart's queries) and in a file
 * whose name ends in `queries.ts`, beside the code of its domain
 * (electron/ocr/queries.ts, electron/imaging/photos/queries.ts,
 * electron/agent/brief/brief-queries.ts). Anything else calls a named
 * function of such a module.
 */

// Folders whose SQL has not moved yet: none. Add none.
const NOT_YET_MOVED = [];

export function isQueryModule(file) {
  return file.startsWith('electron/store/') || basename(file).endsWith('queries.ts');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL (`.prepare(`) only in electron/store/ and in a domain query module (`*queries.ts`).' },
    schema: [],
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    if (!file.startsWith('electron/') || isQueryModule(file) || NOT_YET_MOVED.some((folder) => file.startsWith(folder))) return {};
    return {
      CallExpression: (node) => {
        const { callee } = node;
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'prepare') {
          context.report({
            node,
            message: `SQL belongs in a query module (electron/store/ or a *queries.ts beside its domain): call a named query function here instead of ${context.sourceCode.getText(callee)}(...)`,
          });
        }
      },
    };
  },
};

export default { rules: { 'sql-in-queries': rule } };
