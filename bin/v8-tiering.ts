// A run is short and its code cold. With V8's default tiering its optimizing compiler (TurboFan) spent more
// CPU on background threads than the checking itself (2.3–2.8 s against 1.8–2.0 s over 200 files): it compiles
// whole inlined call trees (checkDocument, the rule evaluator, the culprit finder, the table reader: up to
// ~1.8 s each under load, several of them 3–5 times after deoptimizations) that run only a few hundred times.
// Ten times V8's interrupt budget (67584 → 675840 bytecodes between tier-up checks) keeps TurboFan for the
// code that is really hot (the tokenizer's loops): over 200 files 40 % less CPU in all (4.8 → 2.8 s, medians
// under load), the checking thread within noise; what that frees is the second core, for a second checking
// thread (bin/cli.ts). Imported first by bin/cli.ts, so it is set before any checking code runs, in the bundle
// and from the sources alike; the flag is process-wide, so workers share it. GOUJI_V8_TIERING=default keeps V8's own.
import { setFlagsFromString } from 'node:v8';

if (process.env.GOUJI_V8_TIERING !== 'default') setFlagsFromString('--interrupt-budget=675840');
