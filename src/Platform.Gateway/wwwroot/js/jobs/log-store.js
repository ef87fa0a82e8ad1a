// All the lines of one job the page has seen, up to a cap (a task may print 200,000 lines).

export const memoryCap = 300_000;

export class LogStore {
    constructor(cap = memoryCap) {
        this.cap = cap;
        this.lines = [];
        this.dropped = 0; // oldest lines let go once past the cap
        this.tasks = new Set();
    }

    add(lines) {
        for (const line of lines) {
            this.lines.push(line);
            this.tasks.add(line.task);
        }
        // Drop in slices of a tenth, so the array is not shifted for every batch.
        if (this.lines.length > this.cap) {
            const excess = this.lines.length - this.cap + Math.floor(this.cap / 10);
            this.lines.splice(0, excess);
            this.dropped += excess;
        }
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
