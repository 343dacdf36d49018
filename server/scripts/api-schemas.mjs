// The OpenAPI document's schemas, generated from the contract's TypeScript types
// (src/contract/index.ts) so that the document cannot drift from what the code answers.
// Run by `npm run build -w server`; writes dist/api-schemas.json, read by http/api-docs.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const dir = path.join(root, 'src/contract');
const generator = createGenerator({ path: path.join(dir, '*-types.ts'), expose: 'export', topRef: true, skipTypeCheck: true, jsDoc: 'extended', additionalProperties: false });
// Every exported interface and type of the contract, each with the definitions it refers to
// (generic ones only through their named instances, e.g. TimeseriesResponse).
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('-types.ts'))
  .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^export (?:interface|type) (\w+)(<?)/gm)].filter((m) => m[2] === '').map((m) => m[1]));
const definitions = {};
for (const name of names) Object.assign(definitions, generator.createSchema(name).definitions);
// OpenAPI names allow [A-Za-z0-9._-] only: TimeseriesResponseOf<SeriesPoint> -> TimeseriesResponseOf_SeriesPoint.
const safe = (name) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_$/, '');
const schema = { definitions: Object.fromEntries(Object.entries(definitions).map(([k, v]) => [safe(k), v])) };
const text = JSON.stringify(schema.definitions).replace(/"#\/definitions\/([^"]+)"/g, (_, ref) => JSON.stringify(`#/components/schemas/${safe(decodeURIComponent(ref))}`));
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist/api-schemas.json'), text);
console.error(`api-schemas: ${Object.keys(schema.definitions ?? {}).length} schemas from the contract in ${Date.now() - started} ms`);
