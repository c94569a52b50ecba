/** The simulation worker's entry: a chunk of the app's build (scripts/simWorkerChunk.ts). */
declare module 'virtual:sim-worker-url' {
  const url: string;
  export default url;
}
