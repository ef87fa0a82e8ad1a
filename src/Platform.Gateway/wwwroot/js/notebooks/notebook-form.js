// The "New notebook" form: GPUs, CPUs, memory, an optional image (the Jupyter images the nodes
// hold are offered) and idle timeout. A refused request's errors are shown under the fields the
// server names (400 problem+json `errors`).
import { api } from '../shared/api.js';
import { h, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';

const fields = [
    { name: 'gpus', label: 'GPUs', type: 'number', value: '0', min: '0', step: '1', required: true },
    { name: 'cpus', label: 'CPUs', type: 'number', value: '2', min: '0.25', step: '0.25', required: true },
    { name: 'memoryMb', label: 'Memory (MiB)', type: 'number', value: '8192', min: '256', step: '256', required: true },
    { name: 'image', label: 'Image', type: 'text', placeholder: 'platform/jupyter:4.0-cpu', list: 'notebook-images' },
    { name: 'idleTimeoutMinutes', label: 'Idle timeout (minutes)', type: 'number', min: '1', step: '1', placeholder: 'the platform’s' },
];

/** Answers the form element; `onStarted(notebook)` runs with each notebook the platform accepted. */
export function notebookForm(onStarted) {
    const inputs = new Map();
    const errors = new Map();
    const status = h('div', { class: 'status-line', 'aria-live': 'polite' });
    const start = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'start-notebook' }, 'Start notebook');
    const images = h('datalist', { id: 'notebook-images' });
    const form = h('form', { class: 'card notebook-form', 'aria-labelledby': 'new-notebook-title', on: { submit: send } },
        h('div', { class: 'card-header' }, h('h2', { id: 'new-notebook-title' }, 'New notebook')),
        h('div', { class: 'form-fields' }, fields.map(field)),
        images,
        h('div', { class: 'form-buttons' }, start),
        status);
    api.images()
        .then((catalog) => replace(images, (catalog.images ?? [])
            .filter((image) => image.framework === 'jupyter')
            .map((image) => h('option', { value: image.image }, `JupyterLab ${image.frameworkVersion ?? ''}`))))
        .catch(() => {}); // Only suggestions: the field takes any allowed image.

    function field({ name, label, ...attributes }) {
        const id = `notebook-${name}`;
        const input = h('input', { id, name, ...attributes, 'aria-describedby': `${id}-error` });
        const error = h('p', { id: `${id}-error`, class: 'field-hint field-problem', 'data-testid': `${name}-error` });
        inputs.set(name, input);
        errors.set(name, error);
        return h('div', { class: 'form-field' }, h('label', { for: id }, label), input, error);
    }

    function request() {
        const number = (name) => Number(inputs.get(name).value);
        const image = inputs.get('image').value.trim();
        const idle = inputs.get('idleTimeoutMinutes').value.trim();
        return {
            gpus: number('gpus'),
            cpus: number('cpus'),
            memoryMb: number('memoryMb'),
            ...(image ? { image } : {}),
            ...(idle ? { idleTimeoutMinutes: Number(idle) } : {}),
        };
    }

    function clearErrors() {
        for (const [name, error] of errors) {
            error.textContent = '';
            inputs.get(name).removeAttribute('aria-invalid');
        }
        replace(status);
    }

    function showErrors(problem) {
        const elsewhere = [];
        for (const [name, messages] of Object.entries(problem.errors)) {
            const error = errors.get(name);
            if (!error) {
                elsewhere.push(`${name || 'request'}: ${messages.join(' ')}`);
                continue;
            }
            error.textContent = messages.join(' ');
            inputs.get(name).setAttribute('aria-invalid', 'true');
        }
        replace(status, h('p', { class: 'notice notice-error', role: 'alert', 'data-testid': 'error' },
            problem.title ?? 'The notebook was refused.', elsewhere.map((line) => [h('br'), line])));
        const first = fields.find(({ name }) => errors.get(name).textContent);
        if (first) inputs.get(first.name).focus();
    }

    async function send(event) {
        event.preventDefault();
        clearErrors();
        start.disabled = true;
        replace(status, h('p', { class: 'muted' }, 'Starting…'));
        try {
            const notebook = await api.startNotebook(request());
            replace(status, h('p', { class: 'muted' }, `Started ${notebook.id}.`));
            onStarted(notebook);
        } catch (error) {
            if (error.status === 400 && error.problem?.errors) showErrors(error.problem);
            else replace(status, notice(error));
        } finally {
            start.disabled = false;
        }
    }

    return form;
}
