import { describe, expect, it } from 'vitest';
import { parseCommand, stripMentions } from './command-parser.js';

const clock = { today: new Date('2026-05-13T10:00:00Z'), timeZone: 'Europe/Rome' };
const parse = (text: string) => parseCommand(text, clock);
const lastMonth = { from: '2026-04-01', to: '2026-04-30', label: 'last month' };

describe('the command parser', () => {
  it('answers help to nothing, greetings and help', () => {
    for (const text of ['', 'help', 'Help!', 'hi', '?', '<at>Ledgerline</at>'])
      expect(parse(text)).toEqual({ kind: 'help' });
  });

  it('reads cost with a period and a department or person', () => {
    expect(parse('cost')).toEqual({ kind: 'cost', period: null, subject: null });
    expect(parse('cost last month')).toEqual({ kind: 'cost', period: lastMonth, subject: null });
    expect(parse('cost last month for Sales')).toEqual({
      kind: 'cost',
      period: lastMonth,
      subject: { kind: 'named', name: 'sales' },
    });
    expect(parse('costs for Anna Rossi in march')).toMatchObject({
      kind: 'cost',
      period: { from: '2026-03-01', to: '2026-03-31' },
      subject: { kind: 'named', name: 'anna rossi' },
    });
    expect(parse('cost for me yesterday')).toMatchObject({ subject: { kind: 'me' } });
    expect(parse('last week')).toMatchObject({ kind: 'cost', subject: null, period: { label: 'last week' } });
  });

  it('understands cost questions in plain words', () => {
    expect(parse('How much did Sales spend last month?')).toEqual({
      kind: 'cost',
      period: lastMonth,
      subject: { kind: 'named', name: 'sales' },
    });
    expect(parse('<at>Ledgerline</at> how much did the Marketing department spend this week?')).toMatchObject(
      {
        kind: 'cost',
        subject: { kind: 'named', name: 'marketing' },
        period: { from: '2026-05-11' },
      },
    );
    expect(parse('how much have I spent?')).toEqual({ kind: 'cost', period: null, subject: { kind: 'me' } });
    expect(parse('what did we spend yesterday')).toMatchObject({ kind: 'cost', subject: null });
  });

  it('reads top lists', () => {
    expect(parse('top users')).toEqual({ kind: 'top', dimension: 'users', period: null });
    expect(parse('top 10 departments last month')).toEqual({
      kind: 'top',
      dimension: 'departments',
      period: lastMonth,
    });
    expect(parse('show top destinations this week')).toMatchObject({
      kind: 'top',
      dimension: 'destinations',
    });
    expect(parse('who calls the most')).toMatchObject({ kind: 'top', dimension: 'users' });
    expect(parse('top pizzas')).toMatchObject({ kind: 'unknown', problem: expect.stringContaining('users') });
  });

  it('reads my calls, alarms, ack and status', () => {
    expect(parse('my calls')).toEqual({ kind: 'my-calls', period: null });
    expect(parse('my calls yesterday')).toMatchObject({ kind: 'my-calls', period: { label: 'yesterday' } });
    expect(parse('alarms')).toEqual({ kind: 'alarms' });
    expect(parse('open alerts')).toEqual({ kind: 'alarms' });
    expect(parse('ack 42')).toEqual({ kind: 'ack', alarm: '42' });
    expect(parse('acknowledge alarm #7')).toEqual({ kind: 'ack', alarm: '7' });
    expect(parse('ack')).toMatchObject({ kind: 'unknown', problem: expect.stringContaining('which alarm') });
    expect(parse('status')).toEqual({ kind: 'status' });
  });

  it('reads subscribe and unsubscribe', () => {
    expect(parse('subscribe cost')).toEqual({ kind: 'subscribe', report: 'cost', schedule: 'weekly' });
    expect(parse('subscribe to top users daily')).toEqual({
      kind: 'subscribe',
      report: 'top-users',
      schedule: 'daily',
    });
    expect(parse('subscribe top departments every month')).toEqual({
      kind: 'subscribe',
      report: 'top-departments',
      schedule: 'monthly',
    });
    expect(parse('subscribe')).toMatchObject({
      kind: 'unknown',
      problem: expect.stringContaining('which report'),
    });
    expect(parse('unsubscribe')).toEqual({ kind: 'unsubscribe', report: null });
    expect(parse('unsubscribe from top users')).toEqual({ kind: 'unsubscribe', report: 'top-users' });
  });

  it('reads the channel setting', () => {
    expect(parse('channel')).toEqual({ kind: 'channel', show: null });
    expect(parse('channel show Sales')).toEqual({
      kind: 'channel',
      show: { kind: 'department', name: 'sales' },
    });
    expect(parse('channel show company')).toEqual({ kind: 'channel', show: { kind: 'company' } });
    expect(parse('channel show nothing')).toEqual({ kind: 'channel', show: { kind: 'nothing' } });
  });

  it('says unknown, with the problem, for what it does not understand', () => {
    expect(parse('make me a sandwich')).toEqual({
      kind: 'unknown',
      text: 'make me a sandwich',
      problem: null,
    });
    expect(parse('cost 2026-02-30')).toMatchObject({ kind: 'unknown', problem: '2026-02-30 is not a date' });
    expect(parse('top')).toMatchObject({ kind: 'unknown', problem: expect.stringContaining('top users') });
    for (const text of ['👍🎉', '¯\\_(ツ)_/¯', '%%%', 'cost for'])
      expect(parse(text).kind, text).toMatch(/^(?:unknown|cost)$/);
    // A very long message is not searched for names or periods: it is answered with help.
    expect(parse(`how much did ${'sales '.repeat(1000)}spend`)).toMatchObject({
      kind: 'unknown',
      problem: expect.stringContaining('longer than any question'),
    });
  });

  it('takes mentions and markup out of a message', () => {
    expect(stripMentions('<at>Ledgerline</at>&nbsp;cost <b>now</b>')).toBe('cost now');
  });
});
