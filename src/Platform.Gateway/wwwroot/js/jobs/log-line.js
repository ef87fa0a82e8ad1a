import { h } from '../shared/dom.js';

/** One line of the log view; the task prefix only in the All view; search hits marked. */
export function logLine(line, showTask, search) {
    return h('div', { class: line.stream === 'stderr' ? 'log-line stderr' : 'log-line', dataset: { seq: line.seq, task: line.task } },
        showTask ? h('span', { class: 'log-task' }, line.task) : null,
        h('span', { class: 'log-text' }, highlighted(line.text, search)));
}

function highlighted(text, search) {
    if (!search) return text;
    const parts = [];
    const lower = text.toLowerCase();
    const needle = search.toLowerCase();
    let from = 0;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
        parts.push(text.slice(from, at), h('mark', {}, text.slice(at, at + needle.length)));
        from = at + needle.length;
    }
    parts.push(text.slice(from));
    return parts;
}

/** Saves lines as a .txt file through a Blob. */
export function download(lines, showTask, fileName) {
    const text = lines.map((line) => (showTask ? `${line.task} | ${line.text}` : line.text)).join('\n');
    const url = URL.createObjectURL(new Blob([text, '\n'], { type: 'text/plain;charset=utf-8' }));
    const link = h('a', { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
