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
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** A task's event: RunTask in the timeline categories, this in `toplevel`. */
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
  const byThread = new Map<string, MainThreadTask[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (!TASK_NAMES.has(e.name) || e.ph !== 'X' || !mains.has(thread)) continue;
    const tasks = byThread.get(thread) ?? [];
    tasks.push({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 });
    byThread.set(thread, tasks);
  }
  let best: MainThreadTask[] = [];
  for (const tasks of byThread.values()) if (tasks.length > best.length) best = tasks;
  return best;
}
