// The engine version reported in OpenAPI and in every evaluation's provenance; bump with package.json.
export const ENGINE_VERSION = '0.1.0';
