/**
 * The one description of the settings: `contributes.configuration` in package.json is generated from it
 * (`npm run manifest`; a unit test fails when package.json is out of date), and the server's defaults are
 * read from it. Descriptions are `%keys%` of package.nls*.json.
 */
import { CONVERT_TARGETS, SEVERITIES, type NewsAnnotatorSettings } from './contract';
import { BOILERPLATE_KINDS, ENTITY_TYPES } from './types';

export const SETTINGS_SECTION = 'newsAnnotator';

const nls = (key: string) => `%configuration.${key}%`;

/** The `contributes.configuration` object, exactly as package.json carries it. */
export const CONFIGURATION = {
  title: '%configuration.title%',
  properties: {
    'newsAnnotator.boilerplate.kinds': {
      type: 'object',
      scope: 'resource',
      description: nls('boilerplate.kinds'),
      properties: Object.fromEntries(
        BOILERPLATE_KINDS.map((kind) => [kind, { type: 'boolean', default: true, description: nls(`boilerplate.kinds.${kind}`) }]),
      ),
      additionalProperties: false,
      default: Object.fromEntries(BOILERPLATE_KINDS.map((kind) => [kind, true])),
    },
    'newsAnnotator.boilerplate.severity': {
      type: 'string',
      scope: 'resource',
      enum: [...SEVERITIES],
      enumDescriptions: SEVERITIES.map((s) => nls(`boilerplate.severity.${s}`)),
      default: 'information',
      description: nls('boilerplate.severity'),
    },
    'newsAnnotator.highlight.entityTypes': {
      type: 'array',
      scope: 'resource',
      items: { type: 'string', enum: [...ENTITY_TYPES], enumDescriptions: ENTITY_TYPES.map((t) => nls(`entityType.${t}`)) },
      uniqueItems: true,
      default: [...ENTITY_TYPES],
      description: nls('highlight.entityTypes'),
    },
    'newsAnnotator.highlight.dates': {
      type: 'boolean',
      scope: 'resource',
      default: true,
      description: nls('highlight.dates'),
    },
    'newsAnnotator.entities.confidenceThreshold': {
      type: 'number',
      scope: 'resource',
      default: 0.5,
      minimum: 0,
      maximum: 1,
      description: nls('entities.confidenceThreshold'),
    },
    'newsAnnotator.entities.useModel': {
      type: 'boolean',
      scope: 'window',
      default: true,
      markdownDescription: nls('entities.useModel'),
    },
    'newsAnnotator.dates.referenceDate': {
      type: 'string',
      scope: 'resource',
      default: '',
      pattern: '^(\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?)?$',
      patternErrorMessage: nls('dates.referenceDate.pattern'),
      description: nls('dates.referenceDate'),
    },
    'newsAnnotator.dates.inlayHints': {
      type: 'boolean',
      scope: 'resource',
      default: false,
      description: nls('dates.inlayHints'),
    },
    'newsAnnotator.convert.target': {
      type: 'string',
      scope: 'resource',
      enum: [...CONVERT_TARGETS],
      enumDescriptions: CONVERT_TARGETS.map((t) => nls(`convert.target.${t}`)),
      default: 'simplified',
      description: nls('convert.target'),
    },
    'newsAnnotator.files': {
      type: 'array',
      scope: 'resource',
      items: { type: 'string' },
      default: ['**/news/**/*.txt', '**/articles/**/*.txt'],
      description: nls('files'),
    },
    'newsAnnotator.trace.server': {
      type: 'string',
      scope: 'window',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      description: nls('trace.server'),
    },
  },
};

/** Read by vscode-languageclient itself, not by the server. */
export const CLIENT_ONLY_SETTINGS = ['newsAnnotator.trace.server'];

/** The settings object with every default of the schema, nested as the client sends it. */
function defaultsOf(): NewsAnnotatorSettings {
  const tree: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(CONFIGURATION.properties)) {
    if (CLIENT_ONLY_SETTINGS.includes(key)) continue;
    const parts = key.split('.').slice(1);
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = schema.default;
  }
  return tree as unknown as NewsAnnotatorSettings;
}

export const SCHEMA_DEFAULTS: NewsAnnotatorSettings = defaultsOf();
