/** Every word the page explains, in one list (the same definitions the words show on hover). */

import { DialogButton } from './Dialog';
import { GLOSSARY, TERM_KEYS } from './glossary';

export function GlossaryDialog() {
  return (
    <DialogButton label="Glossary" title="Glossary">
      <dl className="space-y-2 text-sm" data-testid="glossary">
        {TERM_KEYS.map((k) => (
          <div key={k}>
            <dt className="font-semibold text-sky-300">{GLOSSARY[k].term}</dt>
            <dd className="text-slate-200">{GLOSSARY[k].text}</dd>
          </div>
        ))}
      </dl>
    </DialogButton>
  );
}
