import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentVariables } from './config/env.validation.js';

/**
 * `npm run openapi`: writes openapi.json and openapi.d.ts at the repository root from the built app
 * (`nest build` runs the Swagger CLI plugin first). The vendor prefixes are the defaults whatever the
 * environment says, so the committed document does not depend on who generated it.
 */
async function main(): Promise<void> {
  // Set, not unset: a value in .env would fill an unset key (the environment wins over .env).
  const defaults = new EnvironmentVariables();
  for (const key of Object.keys(defaults) as (keyof EnvironmentVariables)[]) {
    if (/^COMPAT_[A-Z]+_PREFIX$/.test(key)) process.env[key] = String(defaults[key]);
  }
  // Imported after the environment is set: the modules read the prefixes when they load.
  const { createOpenApiDocument } = await import('./openapi.js');
  const { openApiFiles } = await import('./openapi-files.js');
  const root = join(import.meta.dirname, '..');
  for (const [file, content] of Object.entries(await openApiFiles(await createOpenApiDocument()))) {
    writeFileSync(join(root, file), content);
    process.stdout.write(`wrote ${file}\n`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
