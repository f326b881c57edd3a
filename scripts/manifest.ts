/**
 * Writes `contributes.configuration` of package.json from the settings schema of the service
 * (server/src/service/settingsSchema.ts), the one place the settings are described.
 * `npm run manifest` after changing the schema; test/unit/package-manifest.test.ts fails while package.json is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIGURATION } from '../server/src/service/settingsSchema';

const file = path.resolve(__dirname, '..', 'package.json');
const pkg = JSON.parse(readFileSync(file, 'utf8')) as { contributes: { configuration: unknown } };
pkg.contributes.configuration = CONFIGURATION;
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(
  `package.json: contributes.configuration written from the settings schema (${Object.keys(CONFIGURATION.properties).length} settings)`,
);
