/**
 * The page's main-thread tasks from a Chromium trace (category `toplevel`): each RunTask on the
 * renderer's main thread with its wall time and its thread (CPU) time. For bench:ui, whose
 * machine is shared: a task's wall time includes waiting for a core, its CPU time does not.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * A task's events: RunTask in the timeline categories, this in `toplevel`. Chromium emits both,
 * one inside the other: only the outermost of nested task events is the task.
 */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export interface MainThreadTask {
  wallMs: number;
  cpuMs: number;
}

/** The RunTasks of the renderer main thread with the most of them (the page's). */
export function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTask[] {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const taskEvents = events
    .filter((e) => TASK_NAMES.has(e.name) && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    // Outer before inner: by start, the longer first.
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const byThread = new Map<string, MainThreadTask[]>();
  const endOf = new Map<string, number>();
  for (const e of taskEvents) {
    const thread = `${e.pid}:${e.tid}`;
    const start = e.ts ?? 0;
    if (start < (endOf.get(thread) ?? -Infinity)) continue; // inside the task before
    endOf.set(thread, start + (e.dur ?? 0));
    const tasks = byThread.get(thread) ?? [];
    tasks.push({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 });
    byThread.set(thread, tasks);
  }
  let best: MainThreadTask[] = [];
  for (const tasks of byThread.values()) if (tasks.length > best.length) best = tasks;
  return best;
}
