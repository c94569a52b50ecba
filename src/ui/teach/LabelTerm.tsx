/** A control's label and, when the glossary has its word, a "?" that explains it (Term). */

import { PARAM_TERMS } from './glossary';
import { Term } from './Term';

export function LabelTerm({ id, label }: { id: string; label: string }) {
  const term = PARAM_TERMS[label];
  return (
    <span className="flex items-baseline gap-1 text-sm text-slate-200">
      <label htmlFor={id}>{label}</label>
      {term && (
        <Term k={term} label={`What is ${label.toLowerCase()}?`}>
          <span aria-hidden="true" className="text-xs text-sky-300">
            ?
          </span>
        </Term>
      )}
    </span>
  );
}
