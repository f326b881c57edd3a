/** Settings: defaults, and validation of what the client sends (a broken value falls back, with a message). */
import { BOILERPLATE_KINDS, ENTITY_TYPES, type BoilerplateKind, type EntityType } from './types';
import { CONVERT_TARGETS, SEVERITIES, type ConvertTarget, type NewsAnnotatorSettings } from './contract';
import { SCHEMA_DEFAULTS } from './settingsSchema';

/** The schema's defaults; a kind missing from `boilerplate.kinds` is flagged, so "all true" is stored as `{}`. */
export const DEFAULT_SETTINGS: NewsAnnotatorSettings = {
  ...SCHEMA_DEFAULTS,
  boilerplate: { ...SCHEMA_DEFAULTS.boilerplate, kinds: {} },
};

export interface SettingsProblem {
  key: string;
  problem: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/** Validates the `newsAnnotator` section; each invalid value is replaced by its default and reported. */
export function normaliseSettings(raw: unknown): { settings: NewsAnnotatorSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const d = DEFAULT_SETTINGS;
  const r = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) problems.push({ key: 'newsAnnotator', problem: 'not an object' });
  const section = (name: string) => (isObject(r[name]) ? (r[name] as Record<string, unknown>) : {});
  function pick<T>(key: string, value: unknown, ok: (v: unknown) => boolean, fallback: T): T {
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    problems.push({ key: `newsAnnotator.${key}`, problem: JSON.stringify(value) });
    return fallback;
  }

  const bp = section('boilerplate');
  const kinds: Partial<Record<BoilerplateKind, boolean>> = {};
  if (bp.kinds !== undefined) {
    if (!isObject(bp.kinds)) problems.push({ key: 'newsAnnotator.boilerplate.kinds', problem: JSON.stringify(bp.kinds) });
    else
      for (const [k, v] of Object.entries(bp.kinds)) {
        if ((BOILERPLATE_KINDS as readonly string[]).includes(k) && typeof v === 'boolean') kinds[k as BoilerplateKind] = v;
        else problems.push({ key: `newsAnnotator.boilerplate.kinds.${k}`, problem: JSON.stringify(v) });
      }
  }
  const hl = section('highlight');
  const en = section('entities');
  const dt = section('dates');
  const cv = section('convert');
  return {
    problems,
    settings: {
      boilerplate: {
        kinds,
        severity: pick('boilerplate.severity', bp.severity, (v) => (SEVERITIES as readonly unknown[]).includes(v), d.boilerplate.severity),
      },
      highlight: {
        entityTypes: pick<EntityType[]>(
          'highlight.entityTypes',
          hl.entityTypes,
          (v) => Array.isArray(v) && v.every((t) => (ENTITY_TYPES as readonly unknown[]).includes(t)),
          [...d.highlight.entityTypes],
        ),
        dates: pick('highlight.dates', hl.dates, (v) => typeof v === 'boolean', d.highlight.dates),
      },
      entities: {
        confidenceThreshold: pick(
          'entities.confidenceThreshold',
          en.confidenceThreshold,
          (v) => typeof v === 'number' && v >= 0 && v <= 1,
          d.entities.confidenceThreshold,
        ),
        useModel: pick('entities.useModel', en.useModel, (v) => typeof v === 'boolean', d.entities.useModel),
      },
      dates: {
        referenceDate: pick(
          'dates.referenceDate',
          dt.referenceDate,
          (v) => typeof v === 'string' && (v === '' || ISO_DATE.test(v)),
          d.dates.referenceDate,
        ),
        inlayHints: pick('dates.inlayHints', dt.inlayHints, (v) => typeof v === 'boolean', d.dates.inlayHints),
      },
      convert: {
        target: pick<ConvertTarget>(
          'convert.target',
          cv.target,
          (v) => (CONVERT_TARGETS as readonly unknown[]).includes(v),
          d.convert.target,
        ),
      },
      files: pick<string[]>('files', r.files, (v) => Array.isArray(v) && v.every((g) => typeof g === 'string'), [...d.files]),
    },
  };
}

export const isKindEnabled = (s: NewsAnnotatorSettings, kind: BoilerplateKind) => s.boilerplate.kinds[kind] !== false;
