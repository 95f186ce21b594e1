import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBusinessHours, DEFAULT_BUSINESS_HOURS, deadline } from './business-hours.js';

const zagreb = { ...DEFAULT_BUSINESS_HOURS, timeZone: 'Europe/Zagreb' };
const utc = { ...DEFAULT_BUSINESS_HOURS, timeZone: 'UTC' };
const at = (iso: string) => Date.parse(iso);
const show = (ms: number) => new Date(ms).toISOString();

describe('business hours', () => {
  it('counts within one working day', () => {
    assert.equal(show(addBusinessHours(at('2026-03-04T10:00:00Z'), 4, utc)), '2026-03-04T14:00:00.000Z');
  });

  it('carries over the night into the next working day', () => {
    // Wednesday 15:00 + 4 h: 2 h on Wednesday, 2 h from 09:00 Thursday.
    assert.equal(show(addBusinessHours(at('2026-03-04T15:00:00Z'), 4, utc)), '2026-03-05T11:00:00.000Z');
  });

  it('skips the weekend: Friday 16:00 + 8 h is Monday 16:00 (1 h Friday, 7 h Monday)', () => {
    assert.equal(show(addBusinessHours(at('2026-03-06T16:00:00Z'), 8, utc)), '2026-03-09T16:00:00.000Z');
  });

  it('starts a complaint received on Saturday at 09:00 on Monday', () => {
    assert.equal(show(addBusinessHours(at('2026-03-07T12:00:00Z'), 2, utc)), '2026-03-09T11:00:00.000Z');
  });

  it('works in local time across the change to summer time', () => {
    // Friday 27 March 2026 16:00 in Zagreb (15:00 UTC) + 3 h: 1 h Friday, 2 h Monday 30 March
    // from 09:00 local, which is 07:00 UTC after the clocks went forward on Sunday.
    assert.equal(show(addBusinessHours(at('2026-03-27T15:00:00Z'), 3, zagreb)), '2026-03-30T09:00:00.000Z');
  });

  it('skips holidays', () => {
    const withHoliday = { ...utc, holidays: ['2026-12-25'] };
    // Thursday 24 December 16:00 + 2 h: 1 h that day, Friday 25 is a holiday, 1 h Monday 28.
    assert.equal(
      show(addBusinessHours(at('2026-12-24T16:00:00Z'), 2, withHoliday)),
      '2026-12-28T10:00:00.000Z',
    );
  });

  it('counts plain hours in calendar mode', () => {
    assert.equal(show(deadline(at('2026-03-06T16:00:00Z'), 8, 'calendar', utc)), '2026-03-07T00:00:00.000Z');
  });
});
