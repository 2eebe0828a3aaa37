import { describe, expect, it } from 'vitest';
import { maskDigits, NumberMask, type CallNumbers } from './number-mask.js';

const outbound: CallNumbers = {
  direction: 'outbound',
  user_id: 7,
  caller_number: '2001',
  callee_number: '00390212345678',
  caller_normalized: '2001',
  callee_normalized: '+390212345678',
  dest_number: '+390212345678',
};

describe('number masking', () => {
  it('hides the last digits only, keeping other characters', () => {
    expect(maskDigits('+390212345678', 3)).toBe('+390212345xxx');
    expect(maskDigits('+44 20 7946 0018', 4)).toBe('+44 20 7946 xxxx');
    expect(maskDigits('12', 3)).toBe('xx');
    expect(maskDigits('+390212345678', 0)).toBe('+390212345678');
  });

  it('shows admins everything and others their own calls in full', () => {
    const admin = new NumberMask({ role: 'admin', userId: null }, 3);
    const owner = new NumberMask({ role: 'employee', userId: 7 }, 3);
    const supervisor = new NumberMask({ role: 'supervisor', userId: 9 }, 4);
    expect(admin.parties(outbound)).toEqual({
      caller: '2001',
      callee: '+390212345678',
      number: '+390212345678',
    });
    expect(owner.parties(outbound).callee).toBe('+390212345678');
    expect(supervisor.parties(outbound)).toEqual({
      caller: '2001',
      callee: '+39021234xxxx',
      number: '+39021234xxxx',
    });
    expect(supervisor.show('+390212345678', null)).toBe('+39021234xxxx');
    expect(new NumberMask({ role: 'employee', userId: null }).show('+390212345678', null)).toBe(
      '+390212345xxx',
    );
  });

  it('masks the caller of an inbound call and the callee of an internal one', () => {
    const mask = new NumberMask({ role: 'supervisor', userId: 1 }, 3);
    expect(
      mask.parties({
        ...outbound,
        direction: 'inbound',
        caller_number: '+441632960123',
        caller_normalized: '+441632960123',
        callee_normalized: '2001',
        dest_number: '+441632960123',
      }),
    ).toEqual({ caller: '+441632960xxx', callee: '2001', number: '+441632960xxx' });
    expect(
      mask.parties({ ...outbound, direction: 'internal', callee_normalized: '2044', dest_number: null }),
    ).toEqual({ caller: '2001', callee: '2xxx', number: '2xxx' });
  });
});
