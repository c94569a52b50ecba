/**
 * The last line of defence around the whole app: a render error anywhere outside the charts
 * (whose panels have their own boundaries) shows a readable message with a Reload button
 * instead of a blank page.
 */

import { Component, type ReactNode } from 'react';
import { errorMessage } from '../shared/errorMessage';

/** The page shown in place of the app after it failed to render. */
export function AppCrash({ message, onReload }: { message: string; onReload: () => void }) {
  return (
    <div className="flex min-h-screen items-start justify-center bg-slate-950 p-6 text-slate-100">
      <div
        role="alert"
        className="max-w-xl rounded-lg border border-rose-500 bg-rose-950/70 p-4 text-sm text-rose-100"
      >
        <h1 className="mb-2 text-lg font-semibold">Cascade Lab</h1>
        <p className="mb-3 break-words">Something went wrong: {message}</p>
        <button
          type="button"
          onClick={onReload}
          className="rounded-md border border-rose-300 px-3 py-1 font-medium hover:bg-rose-900"
        >
          Reload
        </button>
      </div>
    </div>
  );
}

export class AppErrorBoundary extends Component<
  { children: ReactNode; onReload?: () => void },
  { message: string | null }
> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: errorMessage(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    return <AppCrash message={this.state.message} onReload={reload} />;
  }
}
