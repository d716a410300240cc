// One line on the machine a bench ran on: its processors and how busy it was. Wall-clock figures on a
// two-vCPU machine swing with anything else running (another browser, a test run): V8's concurrent
// compiles alone compete with the page's main thread there (docs/inpage.md), so a figure is only read
// beside the load it was taken under.
import { availableParallelism, cpus, loadavg } from 'node:os';

export function machineLine(when: 'before' | 'after'): string {
  const [one, five, fifteen] = loadavg().map((x) => x.toFixed(2));
  const model = cpus()[0]?.model.trim() ?? 'unknown processor';
  return `machine (${when}): ${availableParallelism()} processors (${model}), load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min)`;
}
