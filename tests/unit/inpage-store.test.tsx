// @vitest-environment happy-dom
// The in-page store's values (components/inpage/store.ts): what the layer's components rely on now that the
// engine no longer bundles @preact/signals — a component re-renders after a value it read changes (once for
// several changes in a row), an equal value wakes no one, a change made between a component's render and its
// subscription is not lost, and an unmounted component stops listening.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { signal, useValue, type Signal } from '../../components/inpage/store';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

/** How many watch a value (its private set, read for the test only). */
const watchers = (s: Signal<unknown>) => (s as unknown as { watchers: Set<() => void> }).watchers.size;

describe('in-page store values', () => {
  it('re-renders a component after a value it reads changes, once for several changes in a row', () => {
    const count = signal(1);
    const label = signal('a');
    let renders = 0;
    function View() {
      renders++;
      return (
        <p>
          {useValue(label)}
          {useValue(count)}
        </p>
      );
    }
    const el = mount(<View />);
    expect(el.textContent).toBe('a1');
    expect(renders).toBe(1);
    act(() => {
      count.value = 2;
      label.value = 'b';
      count.value = 3;
    });
    expect(el.textContent).toBe('b3');
    expect(renders).toBe(2);
  });

  it('an equal value (Object.is) wakes no one', () => {
    const boxes = signal(new Map<string, number>());
    let calls = 0;
    boxes.subscribe(() => calls++);
    boxes.value = boxes.peek();
    expect(calls).toBe(0);
    boxes.value = new Map();
    expect(calls).toBe(1);
    const nan = signal(Number.NaN);
    let nanCalls = 0;
    nan.subscribe(() => nanCalls++);
    nan.value = Number.NaN;
    expect(nanCalls).toBe(0);
  });

  it('does not lose a change made between the render and the subscription', () => {
    const v = signal('before');
    function Child() {
      return <span>{useValue(v)}</span>;
    }
    // A sibling rendered after the child changes the value while rendering: the child has rendered the old
    // value and subscribes only after every component has rendered.
    let changed = false;
    function Changer() {
      if (!changed) {
        changed = true;
        v.value = 'after';
      }
      return null;
    }
    const el = mount(
      <>
        <Child />
        <Changer />
      </>,
    );
    expect(el.textContent).toBe('after');
  });

  it('stops listening when the component goes', () => {
    const v = signal(0);
    function View() {
      return <span>{useValue(v)}</span>;
    }
    mount(<View />);
    expect(watchers(v)).toBe(1);
    act(() => render(null, host));
    expect(watchers(v)).toBe(0);
    // And a change after that renders nothing and throws nothing.
    expect(() => (v.value = 1)).not.toThrow();
  });
});
