// NestJS 12 ships ESM only, while CommonJS packages it works with (@nestjs/throttler, nestjs-pino,
// @fastify/static…) require() it. Jest can only mix the two on Node >= 24.9, so under Jest every
// ESM file (by the nearest package.json, as Node decides) is compiled to CommonJS; CJS passes through.
const ts = require('typescript');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const typeOfDir = new Map();

function isEsm(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  let dir = path.dirname(file);
  const seen = [];
  let esm = false;
  for (;;) {
    if (typeOfDir.has(dir)) {
      esm = typeOfDir.get(dir);
      break;
    }
    seen.push(dir);
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        esm = JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        esm = false;
      }
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of seen) typeOfDir.set(d, esm);
  return esm;
}

module.exports = {
  getCacheKey(source, file) {
    return crypto.createHash('sha1').update('esm-to-cjs-v4').update(file).update(source).digest('hex');
  },
  process(source, file) {
    if (!isEsm(file)) return { code: source };
    const prepared = source
      .replace(/import\.meta\.url/g, '__jestImportMetaUrl')
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename')
      .replace(/import\.meta\.resolve/g, '__jestImportMetaResolve');
    const { outputText } = ts.transpileModule(prepared, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, esModuleInterop: true, sourceMap: false },
    });
    // ESM may declare its own `require` (createRequire); in CommonJS that name is the wrapper's parameter.
    const code = outputText.replace(/\b(?:const|let|var)\s+require\s*=/g, 'require =');
    const prelude =
      "const __jestImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" +
      "const __jestImportMetaResolve = (s) => require('node:url').pathToFileURL(require.resolve(s)).href;";
    return { code: `${prelude}\n${code}` };
  },
};
