import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../server/src/service/settings';

describe('settings', () => {
  it('takes valid values', () => {
    const { settings, problems } = normaliseSettings({
      boilerplate: { severity: 'warning', kinds: { related: false } },
      highlight: { entityTypes: ['PER'], dates: false },
      dates: { referenceDate: '2025-07-04' },
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.boilerplate.severity, 'warning');
    assert.equal(settings.boilerplate.kinds.related, false);
    assert.deepEqual(settings.highlight.entityTypes, ['PER']);
    assert.equal(settings.dates.referenceDate, '2025-07-04');
  });

  it('replaces each broken value by its default and names it', () => {
    const { settings, problems } = normaliseSettings({
      boilerplate: { severity: 'loud', kinds: { nonsense: true, copyright: 'no' } },
      highlight: { entityTypes: ['PER', 'ANIMAL'] },
      entities: { confidenceThreshold: 7 },
      dates: { referenceDate: 'yesterday' },
      files: 'news/*.txt',
    });
    assert.equal(settings.boilerplate.severity, DEFAULT_SETTINGS.boilerplate.severity);
    assert.deepEqual(settings.highlight.entityTypes, DEFAULT_SETTINGS.highlight.entityTypes);
    assert.equal(settings.entities.confidenceThreshold, 0.5);
    assert.equal(settings.dates.referenceDate, '');
    assert.deepEqual(settings.files, DEFAULT_SETTINGS.files);
    assert.deepEqual(problems.map((p) => p.key).sort(), [
      'newsAnnotator.boilerplate.kinds.copyright',
      'newsAnnotator.boilerplate.kinds.nonsense',
      'newsAnnotator.boilerplate.severity',
      'newsAnnotator.dates.referenceDate',
      'newsAnnotator.entities.confidenceThreshold',
      'newsAnnotator.files',
      'newsAnnotator.highlight.entityTypes',
    ]);
  });

  it('survives a section that is not an object', () => {
    const { settings, problems } = normaliseSettings('oops');
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 1);
  });
});
