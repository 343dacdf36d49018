// Every type of the API, for the server, the dashboard and the OpenAPI document
// (scripts/api-schemas.mjs makes a JSON Schema of each). Imports nothing outside this folder.
export * from './api-types';
export * from './metrics-types';
export * from './admin-types';
export * from './claims-types';
export * from './workspace-types';
