/** One row of the controls panel: the parameter's label on the left, its control on the right. */

import type { ReactNode } from 'react';
import { PARAM_TERMS } from '../teach/glossary';
import { Term } from '../teach/Term';

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
  const term = PARAM_TERMS[spec.label];
  return (
    <div className="flex items-center justify-between gap-2 py-1.5" title={spec.help}>
      <span className="flex items-baseline gap-1 text-sm text-slate-200">
        <label htmlFor={id}>{spec.label}</label>
        {term && (
          <Term k={term} label={`What is ${spec.label.toLowerCase()}?`}>
            <span aria-hidden="true" className="text-xs text-sky-300">
              ?
            </span>
          </Term>
        )}
      </span>
      {children}
    </div>
  );
}
