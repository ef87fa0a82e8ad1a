// Puts a job's log lines in order exactly once, whichever way they come: the hub (which sends the
// whole history from seq 1 on every subscribe, then the live tail) or REST pages. Lines at or
// below the last seq delivered are dropped; a gap before a line is fetched from REST first.

const pageLimit = 10000;

export class LogSequencer {
    #queue = Promise.resolve();
    #retry = null;

    /**
     * @param {(after: number, limit: number) => Promise<{lines: any[], next: number}>} fetchPage
     * @param {(lines: any[]) => void} deliver  called with new lines, in seq order
     */
    constructor(fetchPage, deliver) {
        this.fetchPage = fetchPage;
        this.deliver = deliver;
        this.last = 0;
    }

    /** Lines from the hub. */
    push(lines) {
        return this.#enqueue(() => this.#accept(lines));
    }

    /** Everything past the last seq, from REST. */
    catchUp() {
        return this.#enqueue(() => this.#fill(Number.MAX_SAFE_INTEGER));
    }

    stop() {
        clearTimeout(this.#retry);
        this.deliver = () => {};
    }

    #enqueue(work) {
        this.#queue = this.#queue.then(work).catch(() => {
            // REST did not answer: try again shortly, or the gap would stay until the next line comes.
            clearTimeout(this.#retry);
            this.#retry = setTimeout(() => this.catchUp(), 2000);
        });
        return this.#queue;
    }

    async #accept(lines) {
        const fresh = lines.filter((line) => line.seq > this.last).sort((a, b) => a.seq - b.seq);
        let run = [];
        for (const line of fresh) {
            const expected = (run.length > 0 ? run[run.length - 1].seq : this.last) + 1;
            if (line.seq < expected) continue;
            if (line.seq > expected) {
                this.#emit(run);
                run = [];
                await this.#fill(line.seq - 1);
                if (line.seq <= this.last) continue;
            }
            run.push(line);
        }
        this.#emit(run);
    }

    async #fill(until) {
        while (this.last < until) {
            const page = await this.fetchPage(this.last, Math.min(pageLimit, until - this.last));
            const lines = page.lines.filter((line) => line.seq > this.last && line.seq <= until);
            if (lines.length === 0) return;
            this.#emit(lines);
        }
    }

    #emit(lines) {
        if (lines.length === 0) return;
        this.last = lines[lines.length - 1].seq;
        this.deliver(lines);
    }
}
