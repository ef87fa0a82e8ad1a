// Asks before a job is cancelled; answers true when the user confirms.
import { h } from '../shared/dom.js';

export function confirmCancel(job) {
    const grace = job.spec?.terminationGracePeriodSeconds ?? 30;
    return new Promise((resolve) => {
        const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'cancel-title', 'data-testid': 'cancel-dialog' },
            h('form', { method: 'dialog' },
                h('h2', { id: 'cancel-title' }, `Cancel ${job.name}?`),
                h('p', {}, `Every running task gets SIGTERM, and is killed if it is still running ${grace} s later. Logs and events stay.`),
                h('div', { class: 'dialog-buttons' },
                    h('button', { value: 'keep', class: 'button', 'data-testid': 'cancel-dismiss', autofocus: true }, 'Keep running'),
                    h('button', { value: 'cancel', class: 'button danger', 'data-testid': 'cancel-confirm' }, 'Cancel job'))));
        dialog.addEventListener('close', () => {
            dialog.remove();
            resolve(dialog.returnValue === 'cancel');
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}
