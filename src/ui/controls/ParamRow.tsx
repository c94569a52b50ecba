/** One row of the controls panel: the parameter's label on the left, its control on the right. */

import type { ReactNode } from 'react';
import { LabelTerm } from '../teach/LabelTerm';

export function ParamRow({
  id,
  spec,
  children,
}: {
  /** The id of the control the label names. */
  id: string;
  spec: { label: string; help: string };
  children: ReactNode;
}) {
  return (
    <div className="flex items-center justify-between gap-2 py-1.5" title={spec.help}>
      <LabelTerm id={id} label={spec.label} />
      {children}
    </div>
  );
}
