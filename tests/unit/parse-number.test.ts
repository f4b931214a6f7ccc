import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../src/lib/exercises/parse-number';

describe('parseLocaleNumber', () => {
  it.each([
    ['1956', 'nl', 1956],
    ['118.256', 'nl', 118256],
    ['118.256', 'de', 118256],
    ['118.255,51', 'nl', 118255.51],
    ['118 256', 'fr', 118256],
    ['118\u202f256', 'fr', 118256],
    ['118\u00a0255,51', 'fr', 118255.51],
    ['118,256', 'en', 118256],
    ['118,255.51', 'en', 118255.51],
    ['11,825,551', 'en', 11825551],
    ['11.825.551', 'nl', 11825551],
    ['2,5', 'nl', 2.5],
    ['2,5', 'en', 2.5],
    ['2.5', 'nl', 2.5],
    ['0.125', 'nl', 0.125],
    ['0,125', 'en', 0.125],
    ['1234,5', 'fr', 1234.5],
    ['-3', 'en', -3],
    ['−3,5', 'fr', -3.5],
    ['75 %', 'fr', 75],
    ['118256 mensen', 'nl', 118256],
    ['118.256 Menschen', 'de', 118256],
    ['  42  ', 'de', 42],
    ["118'256", 'de', 118256],
  ])('reads %j in %s as %d', (input, locale, expected) => {
    expect(parseLocaleNumber(input, locale)).toBeCloseTo(expected, 9);
  });

  it.each([[''], ['   '], ['abc'], ['12abc34'], ['1.2.3,4,5'], ['1,23.456'], ['..'], ['1..2'], ['--5'], ['1.23.4']])(
    'refuses %j',
    (input) => {
      expect(parseLocaleNumber(input, 'nl')).toBeNull();
    },
  );
});
