// The live log of a job: a tab per task (and All), follow, pause, search, download. The DOM holds
// at most the last 5,000 lines of the current view; the rest stay in memory (LogStore).
import { h, replace } from '../shared/dom.js';
import { LogStore, matcher } from './log-store.js';
import { download, logLine } from './log-line.js';
import { logToolbar } from './log-toolbar.js';

export const domLimit = 5000;
// Past this many lines waiting for a frame (a hidden tab gets none), the next frame re-renders from the store.
const queueLimit = 20_000;
const number = new Intl.NumberFormat('en-US');

export function logView(jobId) {
    const store = new LogStore();
    const view = { task: '', search: '', follow: true, paused: false, pending: 0, total: 0 };
    let queued = [];
    let stale = false;
    let frame = 0;
    let taskNames = [];

    const toolbar = logToolbar({
        follow: setFollow,
        pause: togglePause,
        search: (text) => { view.search = text; render(); },
        download: () => download(store.select(view.task, ''), !view.task, `${jobId}-${view.task || 'all'}.txt`),
    });
    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Task', 'data-testid': 'log-tabs', on: { keydown: moveTab } });
    const note = h('p', { class: 'log-note muted', 'data-testid': 'log-note' });
    const output = h('div', {
        class: 'log', role: 'log', tabindex: 0, 'aria-label': 'Log lines', 'data-testid': 'log-lines', on: { scroll: userScrolled },
    });
    const element = h('section', { class: 'card', 'aria-labelledby': 'logs-title', 'data-testid': 'logs' },
        h('div', { class: 'card-header' }, h('h2', { id: 'logs-title' }, 'Logs'), toolbar.element),
        tabs,
        h('div', { role: 'tabpanel', id: 'log-panel' }, output),
        note);
    renderTabs();
    render();

    function add(delivered) {
        const lines = store.add(delivered);
        if (lines.length === 0) return;
        if (lines.some((line) => !taskNames.includes(line.task))) renderTabs();
        if (view.paused) {
            view.pending += lines.filter(matcher(view.task, view.search)).length;
            toolbar.setPending(view.pending);
            return;
        }
        if (!stale) queued = queued.concat(lines);
        if (queued.length > queueLimit) {
            stale = true;
            queued = [];
        }
        frame ||= requestAnimationFrame(flush);
    }

    // New lines, at most once a frame: append what matches, then drop the oldest beyond the limit.
    function flush() {
        frame = 0;
        if (stale) {
            render();
            return;
        }
        const fresh = queued.filter(matcher(view.task, view.search));
        queued = [];
        view.total += fresh.length;
        output.append(fragmentOf(fresh.slice(-domLimit)));
        const excess = output.childElementCount - domLimit;
        if (excess > 0) {
            const range = document.createRange();
            range.setStartBefore(output.firstElementChild);
            range.setEndAfter(output.children[excess - 1]);
            range.deleteContents();
        }
        afterRender();
    }

    function render() {
        cancelAnimationFrame(frame);
        frame = 0;
        queued = [];
        stale = false;
        const lines = store.select(view.task, view.search);
        view.total = lines.length;
        view.pending = 0;
        output.replaceChildren(fragmentOf(lines.slice(-domLimit)));
        afterRender();
    }

    function fragmentOf(lines) {
        const fragment = document.createDocumentFragment();
        for (const line of lines) fragment.append(logLine(line, !view.task, view.search));
        return fragment;
    }

    function afterRender() {
        const shown = output.childElementCount;
        const hidden = view.total - shown;
        const lines = `${number.format(view.total)} ${view.total === 1 ? 'line' : 'lines'}`;
        const what = view.search ? `${lines} matching` : lines;
        note.textContent = [
            hidden > 0
                ? `Showing the last ${number.format(shown)} of ${what}; ${number.format(hidden)} earlier hidden (Download has them all).`
                : `${what}.`,
            store.dropped > 0
                ? `The oldest ${number.format(store.dropped)} lines were let go from this page's memory; REST still has them.`
                : '',
        ].join(' ');
        note.dataset.hidden = hidden;
        if (view.follow) output.scrollTop = output.scrollHeight;
    }

    function renderTabs() {
        const known = new Set(taskNames);
        taskNames = [...taskNames, ...[...store.tasks].filter((task) => !known.has(task)).sort()];
        replace(tabs, ['', ...taskNames].map((task) => h('button', {
            type: 'button',
            role: 'tab',
            class: 'tab',
            'aria-controls': 'log-panel',
            'aria-selected': String(task === view.task),
            tabindex: task === view.task ? 0 : -1,
            'data-testid': 'log-tab',
            dataset: { task },
            on: { click: () => selectTask(task) },
        }, task || 'All')));
    }

    function selectTask(task) {
        view.task = task;
        renderTabs();
        render();
    }

    function moveTab(event) {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        const all = ['', ...taskNames];
        selectTask(all[(all.indexOf(view.task) + step + all.length) % all.length]);
        tabs.querySelector('[aria-selected="true"]').focus();
    }

    function togglePause() {
        view.paused = !view.paused;
        toolbar.setPaused(view.paused);
        if (!view.paused) render();
    }

    function setFollow(on) {
        view.follow = on;
        toolbar.setFollow(on);
        if (on) output.scrollTop = output.scrollHeight;
    }

    // Scrolling up stops following; scrolling back to the end follows again.
    function userScrolled() {
        const atBottom = output.scrollHeight - output.scrollTop - output.clientHeight < 24;
        if (view.follow !== atBottom) setFollow(atBottom);
    }

    return {
        element,
        add,
        /** The job's tasks, in the job's order, as tabs (lines may name more). */
        setTasks(names) {
            if (names.every((name) => taskNames.includes(name))) return;
            taskNames = [...names, ...taskNames.filter((name) => !names.includes(name))];
            renderTabs();
        },
    };
}
