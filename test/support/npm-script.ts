import fs from 'node:fs';

/**
 * The arguments of package.json's script `name` ("node [flags] file [args]"), to spawn with this node and no npm
 * in between: the tests start the app exactly as `npm start` or `npm run chat` does.
 */
export function npmScriptArgs(name: string): string[] {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = (pkg.scripts[name] ?? '').trim().split(/\s+/);
  if (command !== 'node') throw new Error(`expected "node …" as the ${name} script, got ${JSON.stringify(pkg.scripts[name])}`);
  return args;
}
