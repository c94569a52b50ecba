/**
 * The test-only crash hook (window.__cascadeLab) is in a bundle only when the build asks for it:
 * builds the app twice in memory, without and with VITE_E2E_HOOKS=1, and looks for the hook.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';

async function bundleText(hooks: boolean): Promise<string> {
  if (hooks) process.env.VITE_E2E_HOOKS = '1';
  else delete process.env.VITE_E2E_HOOKS;
  // The production build as `npm run build` makes it, less the gzip size report.
  const out = await build({
    logLevel: 'silent',
    build: { write: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  return outputs
    .flatMap((o) => o.output)
    .map((f) => (f.type === 'chunk' ? f.code : String(f.source)))
    .join('\n');
}

describe('the production bundle', () => {
  const saved = process.env.VITE_E2E_HOOKS;
  afterEach(() => {
    if (saved === undefined) delete process.env.VITE_E2E_HOOKS;
    else process.env.VITE_E2E_HOOKS = saved;
  });

  it('has no crash hook by default, and has it when VITE_E2E_HOOKS=1 asks', async () => {
    expect(await bundleText(false)).not.toContain('__cascadeLab');
    expect(await bundleText(true)).toContain('__cascadeLab');
  });
});
