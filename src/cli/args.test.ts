import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

const run = (link: string | undefined, more: Partial<Record<string, unknown>> = {}) => ({
  kind: 'run',
  options: { link, json: false, frames: undefined, buckets: undefined, ...more },
});

describe('parseArgs', () => {
  it('runs the default scenario without arguments', () => {
    expect(parseArgs([])).toEqual(run(undefined));
  });

  it('takes one link and the flags in any order', () => {
    expect(parseArgs(['--json', 'v=1&seed=3', '--frames', 'f.csv'])).toEqual(
      run('v=1&seed=3', { json: true, frames: 'f.csv' }),
    );
    expect(parseArgs(['--buckets=b.csv', '?seed=3'])).toEqual(run('?seed=3', { buckets: 'b.csv' }));
  });

  it('shows help for -h and --help, whatever else is given', () => {
    expect(parseArgs(['seed=1', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses unknown options in one line', () => {
    expect(parseArgs(['--jsn'])).toEqual({
      kind: 'error',
      message: 'unknown option "--jsn" (see --help)',
    });
  });

  it('refuses a file option without a file', () => {
    for (const argv of [['--frames'], ['--frames='], ['--frames', '--json']]) {
      expect(parseArgs(argv)).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('--frames needs a file name'),
      });
    }
  });

  it('refuses a second link', () => {
    expect(parseArgs(['seed=1', 'seed=2'])).toMatchObject({ kind: 'error' });
  });

  it('refuses the same file for frames and buckets', () => {
    expect(parseArgs(['--frames', 'x.csv', '--buckets', 'x.csv'])).toMatchObject({ kind: 'error' });
  });

  it('reads anything after -- as the link', () => {
    expect(parseArgs(['--', '--json'])).toEqual(run('--json'));
  });
});
