// All the lines of one job the page has seen, up to a cap (a task may print 200,000 lines).

export const memoryCap = 300_000;

export class LogStore {
    constructor(cap = memoryCap) {
        this.cap = cap;
        this.lines = [];
        this.dropped = 0; // oldest lines let go once past the cap
        this.tasks = new Set();
        this.lastSeq = 0;
    }

    /** Keeps each seq once, in order, even if a line is delivered twice; returns the lines it took. */
    add(lines) {
        const fresh = [];
        for (const line of lines) {
            if (line.seq <= this.lastSeq) continue;
            this.lastSeq = line.seq;
            fresh.push(line);
            this.lines.push(line);
            this.tasks.add(line.task);
        }
        // Drop in slices of a tenth, so the array is not shifted for every batch.
        if (this.lines.length > this.cap) {
            const excess = this.lines.length - this.cap + Math.floor(this.cap / 10);
            this.lines.splice(0, excess);
            this.dropped += excess;
        }
        return fresh;
    }

    /** Lines of one task (or all when task is empty) that contain the search text, case-insensitive. */
    select(task, search) {
        const match = matcher(task, search);
        return this.lines.filter(match);
    }
}

export function matcher(task, search) {
    const needle = search.toLowerCase();
    return (line) => (!task || line.task === task) && (!needle || line.text.toLowerCase().includes(needle));
}
