/**
 * Runs `task` now and then every `everyMillis` after the previous run ended (never two at once), until
 * stopped. A failing run is handed to `onError`; the next run still happens.
 */
export function poll(task, everyMillis, onError) {
  let stopped = false;
  let timer = null;
  const run = async () => {
    try {
      await task();
    } catch (e) {
      if (!stopped) onError(e);
    }
    if (!stopped) timer = setTimeout(run, everyMillis);
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
