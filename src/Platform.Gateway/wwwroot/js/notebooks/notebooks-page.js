// #/notebooks: the "New notebook" form and every notebook, newest first. The list is read every
// 5 s; each notebook that has not ended is also followed over the hub (SubscribeNotebook), so its
// state, reason and Open link change the moment the platform's do.
import { api } from '../shared/api.js';
import { h, replace } from '../shared/dom.js';
import { hub } from '../shared/hub.js';
import { notice } from '../shared/notice.js';
import { poll } from '../shared/poll.js';
import { notebookForm } from './notebook-form.js';
import { columns, endedStates, isNewer, notebookRow, rowSignature } from './notebook-row.js';
import { confirmStop } from './stop-dialog.js';

export function notebooksPage(main) {
    const notebooks = new Map(); // id → notebook
    const followed = new Map(); // id → unsubscribe
    let error = null;
    let rendered = '';
    const status = h('div', { class: 'status-line' });
    const body = h('tbody');
    const table = h('table', { class: 'table', 'data-testid': 'notebooks-table' },
        h('caption', { class: 'visually-hidden' }, 'Notebooks, newest first'),
        h('thead', {}, h('tr', {}, columns.map((title) => h('th', { scope: 'col' }, title)))),
        body);

    main.append(
        h('div', { class: 'page-title' }, h('h1', {}, 'Notebooks')),
        notebookForm((notebook) => update(notebook, true)),
        status,
        h('div', { class: 'card table-card' }, table));

    const stopListening = hub.on('notebookUpdated', (notebook) => {
        if (followed.has(notebook.id)) update(notebook, true);
    });

    function update(notebook, pushed) {
        if (!pushed && !isNewer(notebook, notebooks.get(notebook.id))) return;
        notebooks.set(notebook.id, notebook);
        follow(notebook);
        render();
    }

    function follow(notebook) {
        const ended = endedStates.has(notebook.state);
        if (!ended && !followed.has(notebook.id)) followed.set(notebook.id, hub.subscribeNotebook(notebook.id));
        if (ended && followed.has(notebook.id)) {
            followed.get(notebook.id)();
            followed.delete(notebook.id);
        }
    }

    function sorted() {
        return [...notebooks.values()].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    }

    function render() {
        // Re-render only what changed, so a button under the pointer or in focus stays put.
        const list = sorted();
        const signature = JSON.stringify([error?.message, list.map(rowSignature)]);
        if (signature === rendered) return;
        rendered = signature;
        replace(status, notice(error));
        if (list.length === 0) {
            replace(body, h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, error ? '' : 'No notebooks yet.')));
            return;
        }
        replace(body, list.map((notebook) => notebookRow(notebook, stop)));
    }

    async function stop(notebook) {
        if (!(await confirmStop(notebook))) return;
        try {
            update(await api.stopNotebook(notebook.id), false);
        } catch (caught) {
            error = caught;
            render();
        }
    }

    async function refresh() {
        try {
            const listed = await api.notebooks();
            error = null;
            for (const notebook of listed) update(notebook, false);
        } catch (caught) {
            error = caught;
        }
        render();
    }

    const stopPolling = poll(refresh, 5);
    return () => {
        stopPolling();
        stopListening();
        for (const unsubscribe of followed.values()) unsubscribe();
    };
}
