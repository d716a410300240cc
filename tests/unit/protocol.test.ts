// The typed message map (lib/ext/protocol.ts): the reply type follows from the message type at compile
// time (expectTypeOf, checked by tsc), and the runtime shape check keeps a malformed reply out.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isAddResult, typedSend, type Message, type TabState } from '../../lib/ext/protocol';
import type { AddResult } from '../../lib/flags/store';

describe('typed send', () => {
  it('answers each request with the reply type of its message', async () => {
    const seen: Message[] = [];
    const send = typedSend(async (msg) => {
      seen.push(msg);
      return msg.type === 'gouji:get-marks' ? true : null;
    });
    const marks = send({ type: 'gouji:get-marks' });
    expectTypeOf(marks).resolves.toEqualTypeOf<boolean | undefined>();
    expectTypeOf(send({ type: 'gouji:get-tab-state', tabId: 1 })).resolves.toEqualTypeOf<TabState | null | undefined>();
    expectTypeOf(send({ type: 'gouji:flag-add', report: null as never, checkId: 'x' })).resolves.toEqualTypeOf<
      AddResult | undefined
    >();
    expect(await marks).toBe(true);
    expect(await send({ type: 'gouji:get-tab-state', tabId: 7 })).toBeNull();
    expect(seen.map((m) => m.type)).toEqual([
      'gouji:get-marks',
      'gouji:get-tab-state',
      'gouji:flag-add',
      'gouji:get-tab-state',
    ]);
  });

  it('checks the shape of a flag reply that crossed a process boundary', () => {
    expect(isAddResult({ ok: false, error: '已有相同标记' })).toBe(true);
    expect(isAddResult({ ok: true, flag: {}, created: true })).toBe(true);
    for (const bad of [undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { error: 'x' }])
      expect(isAddResult(bad)).toBe(false);
  });
});
