/** Placeholder shell: replaced by the real layout (controls, charts, report). */
export function App() {
  return (
    <main className="min-h-screen bg-slate-900 px-6 py-10 text-slate-100">
      <h1 className="text-3xl font-semibold tracking-tight">Cascade Lab</h1>
      <p className="mt-3 max-w-prose text-slate-300">
        Watch how a price shock turns into a liquidation cascade in a leveraged perpetual futures
        market.
      </p>
    </main>
  );
}
