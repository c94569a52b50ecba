import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppErrorBoundary } from './AppErrorBoundary';

/** What the boundary renders once `error` was thrown below it. */
function afterError(error: unknown): string {
  const boundary = new AppErrorBoundary({ children: <p>the app</p>, onReload: () => {} });
  boundary.state = AppErrorBoundary.getDerivedStateFromError(error);
  return renderToStaticMarkup(<>{boundary.render()}</>);
}

describe('app error boundary', () => {
  it('renders the app while nothing has failed', () => {
    const boundary = new AppErrorBoundary({ children: <p>the app</p> });
    expect(renderToStaticMarkup(<>{boundary.render()}</>)).toBe('<p>the app</p>');
  });

  it('shows a readable message and a Reload button instead of a blank page', () => {
    const html = afterError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(html).toContain('role="alert"');
    expect(html).toContain(
      'Something went wrong: Cannot read properties of undefined (reading &#x27;x&#x27;)',
    );
    expect(html).toMatch(/<button[^>]*>Reload<\/button>/);
    expect(html).not.toContain('the app');
  });

  it('says something readable whatever was thrown', () => {
    expect(afterError(new Error(''))).toContain('Something went wrong: Error<');
    expect(afterError('boom')).toContain('Something went wrong: boom<');
    expect(afterError('')).toContain('Something went wrong: an unknown error<');
    expect(afterError(42)).toContain('Something went wrong: 42<');
    expect(afterError('<b>x</b>')).toContain('Something went wrong: &lt;b&gt;x&lt;/b&gt;');
  });
});
