/** Class names the share and export controls have in common. */

export const menuButton =
  'rounded-md border border-slate-600 px-3 py-1.5 text-sm font-medium text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-50';

export const menuSummary = `${menuButton} cursor-pointer list-none select-none [&::-webkit-details-marker]:hidden`;

export const menuPanel =
  'absolute right-0 z-20 mt-1 w-72 space-y-2 rounded-lg border border-slate-700 bg-slate-900 p-3 text-sm shadow-xl';
