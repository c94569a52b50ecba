/**
 * A disclosure menu: a <details> whose panel is rendered only while it is open, so its controls
 * are not in the page (nor in the tab order or the accessibility tree) while it is closed.
 */

import { useState, type ReactNode } from 'react';
import { menuPanel, menuSummary } from './styles';

export function Menu({
  title,
  label,
  children,
}: {
  title: string;
  label: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="relative" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={menuSummary}>{title}</summary>
      {open && (
        <div className={menuPanel} role="group" aria-label={label}>
          {children}
        </div>
      )}
    </details>
  );
}
