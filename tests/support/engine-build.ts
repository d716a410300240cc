// The engine built the way wxt.config.ts builds it, for esbuild (the bench's size figures, the bundle tests):
// each pack's module (lib/ext/packs.ts) swapped for its stand-in, so what is measured is what ships.
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { PACKS } from '../../lib/ext/packs';

const ROOT = resolve(import.meta.dirname, '../..');

export function enginePacksEsbuild(): Plugin {
  const swap = new Map(
    Object.values(PACKS).map((p) => [resolve(ROOT, p.module).replace(/\.ts$/, ''), resolve(ROOT, p.standIn)]),
  );
  return {
    name: 'gouji-engine-packs',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const target = swap.get(resolve(args.resolveDir, args.path).replace(/\.ts$/, ''));
        return target ? { path: target } : undefined;
      });
    },
  };
}
