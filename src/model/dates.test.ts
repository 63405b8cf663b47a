import { describe, expect, it } from 'vitest';
import { compareWhen, dateFormatters, displayWhen, machineWhen, parseWhen } from './dates.ts';

describe('dates: one reading for every format', () => {
  it('reads partial ISO dates as exact at their precision', () => {
    expect(parseWhen('2014')).toMatchObject({ kind: 'exact', precision: 'year', iso: '2014' });
    expect(parseWhen('2014-06')).toMatchObject({ kind: 'exact', precision: 'month', iso: '2014-06' });
    expect(parseWhen('2014-06-30')).toMatchObject({ kind: 'exact', precision: 'day', iso: '2014-06-30' });
    expect(parseWhen('2014-06-30T23:30:00+02:00')).toMatchObject({ kind: 'exact', precision: 'time', iso: '2014-06-30' });
    expect(parseWhen('2014-06-30T23:30:00Z')).toMatchObject({ kind: 'exact', precision: 'time', iso: '2014-06-30' });
  });

  it('keeps free text and impossible dates as written', () => {
    for (const s of ['Sept 2017', '2/09/2017', '2014-13', '2014-02-30', 'since 2010']) {
      expect(parseWhen(s)).toEqual({ kind: 'text', text: s });
      expect(machineWhen(parseWhen(s))).toBeUndefined();
    }
  });

  it('never shows a raw timestamp, and never shifts a date across zones', () => {
    const f = dateFormatters('en');
    expect(displayWhen(parseWhen('2014-06-30T23:30:00-11:00'), f)).toBe('June 30, 2014');
    expect(displayWhen(parseWhen('2014-06'), f)).toBe('June 2014');
    expect(displayWhen(parseWhen('2014'), f)).toBe('2014');
    expect(displayWhen(parseWhen('Sept 2017'), f)).toBe('Sept 2017');
    expect(displayWhen(parseWhen('2014-06-30'), dateFormatters('fr'))).toBe('30 juin 2014');
  });

  it('sorts newest first, free text after exact dates, undated last', () => {
    const written = [undefined, 'Sept 2017', '2014', '2019-02-01', '2014-06', 'later'];
    const sorted = written
      .map((w, i) => ({ w, i, when: w === undefined ? undefined : parseWhen(w) }))
      .sort((a, b) => compareWhen(a.when, b.when))
      .map((x) => x.w);
    expect(sorted).toEqual(['2019-02-01', '2014-06', '2014', 'Sept 2017', 'later', undefined]);
  });
});
