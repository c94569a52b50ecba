/**
 * Links reproduce on every JavaScript engine: the same runs, bundled and executed under QuickJS
 * (compiled to WebAssembly) and under Node's V8, give the same frames to the last bit.
 *
 * The test is only worth something if the engines really differ where the engine would depend
 * on them, so it also shows that (1) QuickJS's own Math.exp/log/pow/sin/cos disagree with V8's
 * on some inputs, and (2) the same runs with dmath swapped for Math.* do drift between the two.
 */

import { build, type Plugin } from 'esbuild';
import { getQuickJS, type QuickJSWASMModule } from 'quickjs-emscripten';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { allDigests } from './__fixtures__/runDigest';

const ENTRY = fileURLToPath(new URL('./__fixtures__/runDigest.ts', import.meta.url));
const GLOBAL = 'cascadeDigest';

/** What the engine would compute with each engine's own Math: the counterfactual. */
const NATIVE_MATH = `
export const exp = Math.exp;
export const log = Math.log;
export const pow = Math.pow;
export const sinPi = (x) => Math.sin(Math.PI * x);
export const cosPi = (x) => Math.cos(Math.PI * x);
export const powerOfTenAtOrBelow = (x) => Math.pow(10, Math.floor(Math.log10(x)));
`;

/** Resolves the engine's './dmath' import to NATIVE_MATH. */
const nativeMath: Plugin = {
  name: 'native-math',
  setup(b) {
    b.onResolve({ filter: /^\.\/dmath$/ }, () => ({ path: 'native-math', namespace: 'native' }));
    b.onLoad({ filter: /.*/, namespace: 'native' }, () => ({
      contents: NATIVE_MATH,
      loader: 'js',
    }));
  },
};

/** The fixture as one IIFE script that sets globalThis.cascadeDigest. */
async function bundle(plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles[0].text;
}

let quickjs: QuickJSWASMModule;

/** Evaluates `script` then `expression` in a fresh QuickJS context; returns the string result. */
function inQuickJS(script: string, expression: string): string {
  const vm = quickjs.newContext();
  try {
    vm.unwrapResult(vm.evalCode(script)).dispose();
    const handle = vm.unwrapResult(vm.evalCode(expression));
    const value = vm.getString(handle);
    handle.dispose();
    return value;
  } finally {
    vm.dispose();
  }
}

/** Evaluates `script` then `expression` in a fresh Node (V8) context. */
function inNode(script: string, expression: string): string {
  const context: Record<string, unknown> = {};
  runInNewContext(script, context);
  return String(runInNewContext(expression, context));
}

const DIGESTS = `${GLOBAL}.allDigests()`;

beforeAll(async () => {
  quickjs = await getQuickJS();
});

describe('the engine under a second JavaScript engine', () => {
  it('gives bit-identical frames and reports in QuickJS and in Node', async () => {
    const script = await bundle();
    const node = allDigests();
    for (const run of JSON.parse(node) as Record<string, string>[]) {
      expect(Number(run.liquidations)).toBeGreaterThan(0);
    }
    const quick = inQuickJS(script, DIGESTS);
    expect(JSON.parse(quick)).toEqual(JSON.parse(node));
    // The bundle itself is what ran, unchanged by bundling.
    expect(inNode(script, DIGESTS)).toBe(node);
  });

  it('differs without dmath: QuickJS and V8 disagree on Math.* for some inputs', () => {
    // Bits of Math.f(x) over a spread of inputs, as hex strings, in each engine.
    const probe = `(() => {
      const f = new Float64Array(1), u = new Uint32Array(f.buffer), out = [];
      const fns = [Math.exp, Math.log, (x) => Math.pow(x, 1 / 3), Math.sin, Math.cos];
      for (let i = 1; i <= 2000; i++) {
        const x = i * 0.0137 + 1 / i;
        for (const fn of fns) { f[0] = fn(x); out.push(u[1].toString(16) + u[0].toString(16)); }
      }
      return out.join(',');
    })()`;
    const quick = inQuickJS('', probe).split(',');
    const node = inNode('', probe).split(',');
    expect(quick).toHaveLength(node.length);
    const differing = quick.filter((bits, i) => bits !== node[i]).length;
    expect(differing).toBeGreaterThan(0);
  });

  it('drifts without dmath: the same runs on native Math differ between QuickJS and Node', async () => {
    const script = await bundle([nativeMath]);
    // One run is enough to drift; the first one is the default market with a shock.
    const first = `JSON.stringify(${GLOBAL}.runDigest(${GLOBAL}.DIGEST_SCENARIOS[0]))`;
    const quick = inQuickJS(script, first);
    const node = inNode(script, first);
    expect(quick).not.toBe(node);
  });
});
