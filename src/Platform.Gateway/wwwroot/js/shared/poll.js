// Runs an async step now and then every `seconds`, never two at once; answers a stop function.
export function poll(step, seconds) {
    let stopped = false;
    let timer = null;
    const run = async () => {
        try {
            await step();
        } finally {
            if (!stopped) timer = setTimeout(run, seconds * 1000);
        }
    };
    run();
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}
