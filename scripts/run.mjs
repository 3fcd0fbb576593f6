// `node scripts/run.mjs src/main.ts [args…]` runs the compiled dist/src/main.js on plain node, building dist/
// first when a source changed since the last build (checking takes milliseconds, building about a second), so
// `npm start` never runs stale code after an edit or a checkout. Messages go to stderr: the CLI's stdout is JSON.
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, distDir, isStale, root } from './build.mjs';

// Node 22.1+ keeps V8's compiled code of every module on disk between starts (Node 20 has no such cache; untested here).
module.enableCompileCache?.(path.join(root, 'node_modules', '.cache', 'errand', 'node-compile-cache'));

const [entry, ...args] = process.argv.slice(2);
if (!entry?.endsWith('.ts')) {
  console.error('usage: node scripts/run.mjs src/FILE.ts [args…]');
  process.exit(2);
}
if (isStale()) {
  const started = performance.now();
  process.stderr.write('compiling the TypeScript sources to dist/…');
  await build();
  process.stderr.write(` ${Math.round(performance.now() - started)} ms\n`);
}
const compiled = path.join(distDir, path.relative(root, path.resolve(root, entry)).replace(/\.ts$/, '.js'));
process.argv = [process.argv[0], compiled, ...args];
await import(pathToFileURL(compiled).href);
