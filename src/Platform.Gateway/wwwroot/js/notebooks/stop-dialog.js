// Asks before a notebook is stopped; answers true when the user confirms.
import { h } from '../shared/dom.js';

export function confirmStop(notebook) {
    return new Promise((resolve) => {
        const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'stop-title', 'data-testid': 'stop-dialog' },
            h('form', { method: 'dialog' },
                h('h2', { id: 'stop-title' }, `Stop ${notebook.id}?`),
                h('p', {}, 'Its kernels are shut down and its GPUs freed. Files saved in the work folder stay.'),
                h('div', { class: 'dialog-buttons' },
                    h('button', { value: 'keep', class: 'button', autofocus: true }, 'Keep running'),
                    h('button', { value: 'stop', class: 'button danger', 'data-testid': 'stop-confirm' }, 'Stop notebook'))));
        dialog.addEventListener('close', () => {
            dialog.remove();
            resolve(dialog.returnValue === 'stop');
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}
