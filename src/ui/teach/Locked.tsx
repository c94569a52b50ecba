/** A control the link locked: shown with its value, not movable (a disabled fieldset). */

import type { ReactNode } from 'react';

export function Locked({ children }: { children: ReactNode }) {
  return (
    <fieldset disabled className="m-0 min-w-0 border-0 p-0" data-locked>
      <legend className="sr-only">Locked by this link</legend>
      {children}
      <p className="-mt-1 text-xs text-slate-400">Locked by this link.</p>
    </fieldset>
  );
}
