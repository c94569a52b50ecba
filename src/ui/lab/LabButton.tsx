/**
 * The header's "Lab" button. The lab itself is a dynamic import, loaded on the first click, and
 * stays mounted once opened: a sweep goes on while it is closed, and its results are kept.
 */

import { lazy, Suspense, useState } from 'react';
import { headerButton } from '../teach/Dialog';

const LabView = lazy(() => import('./LabView'));

export function LabButton() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        className={headerButton}
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        Lab
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <LabView open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
