/**
 * A disclosure menu: a <details> whose panel is rendered only while it is open, so its controls
 * are not in the page (nor in the tab order or the accessibility tree) while it is closed.
 *
 * A panel may load on first use (a lazy component): the panel, group and all, appears only once
 * it has loaded, so a keyboard user's Tab after Enter lands in it rather than past a placeholder.
 * `prefetch` starts that load when the pointer or focus reaches the menu, before it opens.
 */

import { Suspense, useState, type ReactNode } from 'react';
import { menuPanel, menuSummary } from './styles';

export function Menu({
  title,
  label,
  children,
  prefetch,
}: {
  title: string;
  label: string;
  children: ReactNode;
  prefetch?: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="relative"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onPointerEnter={prefetch}
      onFocus={prefetch}
    >
      <summary className={menuSummary}>{title}</summary>
      {open && (
        <Suspense fallback={<p className={`${menuPanel} text-slate-400`}>Opening…</p>}>
          <div className={menuPanel} role="group" aria-label={label}>
            {children}
          </div>
        </Suspense>
      )}
    </details>
  );
}
