// The typed message map (lib/ext/protocol.ts): the reply type follows from the message type at compile
// time (expectTypeOf, checked by tsc), and the runtime shape check keeps a malformed reply out.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { answer, isAddResult, typedSend, type Handlers, type Message, type TabState } from '../../lib/ext/protocol';
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

describe('typed handlers', () => {
  it('answers a message with its own handler, typed by request and reply', async () => {
    const handlers: Handlers<{ tab: number }> = {
      'gouji:get-marks': () => true,
      'gouji:get-tab-state': async (msg, sender) => {
        expectTypeOf(msg.tabId).toEqualTypeOf<number>();
        return sender.tab === msg.tabId ? null : null;
      },
      'gouji:flags-changed': () => undefined,
    };
    // @ts-expect-error a handler must answer its message's reply type
    const wrong: Handlers = { 'gouji:get-marks': () => 'yes' };
    expect(wrong).toBeTruthy();
    expect(await answer(handlers, { type: 'gouji:get-marks' }, { tab: 1 })).toBe(true);
    expect(await answer(handlers, { type: 'gouji:get-tab-state', tabId: 1 }, { tab: 1 })).toBeNull();
  });

  it('leaves what it does not handle to other listeners (undefined, not a promise)', () => {
    const handlers: Handlers = { 'gouji:flags-changed': () => undefined };
    expect(answer(handlers, { type: 'gouji:flags-changed' }, undefined)).toBeUndefined();
    expect(answer(handlers, { type: 'gouji:focus', field: 'x' }, undefined)).toBeUndefined();
    for (const other of [null, 'gouji:focus', { type: 'other' }, { type: 1 }])
      expect(answer(handlers, other, undefined)).toBeUndefined();
  });
});
