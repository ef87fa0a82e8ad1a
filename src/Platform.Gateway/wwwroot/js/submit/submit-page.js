// #/submit: a spec editor prefilled with the sample job. A refused spec's errors are listed by
// field and shown on the editor lines that hold those fields; an accepted one opens its job page.
import { api } from '../shared/api.js';
import { h, jobHref, replace } from '../shared/dom.js';
import { notice } from '../shared/notice.js';
import { fieldLine } from './field-line.js';
import { sampleJob } from './sample-job.js';
import { specEditor } from './spec-editor.js';

const draftKey = 'platform.submit.draft';

export function submitPage(main) {
    const editor = specEditor({
        id: 'spec',
        label: 'Job spec, YAML or JSON',
        value: sessionStorage.getItem(draftKey) ?? sampleJob,
        onInput: (text) => sessionStorage.setItem(draftKey, text),
    });
    const status = h('div', { class: 'status-line', 'aria-live': 'polite' });
    const errors = h('div', { id: 'field-errors' });
    const submit = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'submit' }, 'Submit');
    const reset = h('button', { type: 'button', class: 'button', 'data-testid': 'reset-sample', on: { click: resetToSample } },
        'Reset to the sample');
    const hint = h('span', { class: 'muted small' },
        'YAML, or JSON when it starts with {. ', h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' submits.');
    const form = h('form', { class: 'card', on: { submit: send, keydown: submitOnCtrlEnter } },
        h('div', { class: 'card-header' }, h('h2', {}, h('label', { for: 'spec' }, 'Job spec')), hint),
        editor.element,
        h('div', { class: 'form-buttons' }, submit, reset));
    main.append(
        h('div', { class: 'page-title' }, h('h1', {}, 'Submit a job')),
        status,
        h('div', { class: 'submit-layout' }, form, errors));

    async function send(event) {
        event.preventDefault();
        submit.disabled = true;
        replace(status, h('p', { class: 'muted' }, 'Submitting…'));
        try {
            const job = await api.submit(editor.value);
            location.hash = jobHref(job.id);
        } catch (error) {
            replace(status);
            if (error.status === 400 && error.problem?.errors) showErrors(error.problem);
            else replace(status, notice(error));
        } finally {
            submit.disabled = false;
        }
    }

    function submitOnCtrlEnter(event) {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    }

    function resetToSample() {
        editor.value = sampleJob;
        sessionStorage.removeItem(draftKey);
        replace(errors);
    }

    function showErrors(problem) {
        const marks = new Map();
        const items = Object.entries(problem.errors).map(([field, messages]) => {
            const found = fieldLine(editor.value, field);
            if (found) {
                const key = field.split('.').pop();
                marks.set(found.line, [...(marks.get(found.line) ?? []), ...messages.map((message) => `${key}: ${message}`)]);
            }
            return fieldError(field, messages, found, () => editor.goTo(found.line));
        });
        editor.mark(marks);
        const attributes = { class: 'card errors-card', role: 'alert', 'aria-labelledby': 'errors-title', 'data-testid': 'field-errors' };
        replace(errors, h('section', attributes,
            h('h2', { id: 'errors-title' }, problem.title ?? 'The spec was refused'),
            h('ul', { class: 'field-errors' }, items)));
    }
}

function fieldError(field, messages, found, goTo) {
    return h('li', { class: 'field-error', 'data-testid': 'field-error', dataset: { field, line: found ? found.line + 1 : '' } },
        h('code', { class: 'field-name' }, field || '(spec)'),
        found ? h('button', { type: 'button', class: 'link small', on: { click: goTo } }, `line ${found.line + 1}`) : null,
        h('ul', {}, messages.map((message) => h('li', { class: 'field-message' }, message))));
}
