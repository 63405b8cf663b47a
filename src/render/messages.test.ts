import { describe, expect, it } from 'vitest';
import { createFormatters } from './messages.ts';

describe('dates on pages (the one rule of model/dates.ts)', () => {
  const en = createFormatters('en');
  it('never shows a raw ISO timestamp: exact dates in words, at their precision', () => {
    expect(en.date('2014-06-30T23:30:00-05:00')).toBe('June 30, 2014');
    expect(en.date('2014-06')).toBe('June 2014');
    expect(en.date('2014')).toBe('2014');
  });
  it('shows free text and impossible dates as written', () => {
    expect(en.date('Sept 2017')).toBe('Sept 2017');
    expect(en.date('2/09/2017')).toBe('2/09/2017');
    expect(en.date('2014-02-30')).toBe('2014-02-30');
  });
  it('falls back to English words for a language Intl rejects, not to the raw date', () => {
    expect(createFormatters('not a tag').date('2014-06-30')).toBe('June 30, 2014');
  });
});
