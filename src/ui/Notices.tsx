/**
 * Messages above the charts: a worker error (with Restart), and what was wrong with the link the
 * page was opened with. All text from links is rendered as text, never as HTML.
 */

import { selectError, selectNotice } from '../state/selectors';
import { useApp, useAppStore, useController } from '../state/react';
import type { NoticeSource } from '../state/slices';

export function ErrorBanner() {
  const error = useAppStore(selectError);
  const controller = useController();
  if (!error) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-rose-500 bg-rose-950/70 px-3 py-2 text-sm text-rose-100"
    >
      <p className="min-w-0 flex-1 break-words">
        <span className="font-semibold">The simulation stopped:</span> {error}
      </p>
      <button
        type="button"
        onClick={controller.restart}
        className="rounded-md border border-rose-300 px-3 py-1 font-medium hover:bg-rose-900"
      >
        Restart
      </button>
    </div>
  );
}

const CORRECTED: Record<NoticeSource, string> = {
  link: 'Some values in the link were corrected:',
  file: 'Some values in the file were corrected:',
  saved: 'Some values of the saved scenario were corrected:',
};

export function LinkNotice() {
  const notice = useAppStore(selectNotice);
  const { store } = useApp();
  if (!notice) return null;
  const dismiss = () => store.getState().setNotice(null);
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-500/70 bg-amber-950/50 px-3 py-2 text-sm text-amber-100"
      data-testid="link-notice"
    >
      <div className="min-w-0 flex-1 break-words">
        {notice.kind === 'link-error' ? (
          <p>{notice.message}</p>
        ) : (
          <>
            <p className="font-semibold">{CORRECTED[notice.source ?? 'link']}</p>
            <ul className="mt-1 list-disc pl-5">
              {notice.messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button
        type="button"
        onClick={dismiss}
        aria-label="Dismiss the link notice"
        className="rounded px-2 text-lg leading-none hover:bg-amber-900"
      >
        ×
      </button>
    </div>
  );
}
