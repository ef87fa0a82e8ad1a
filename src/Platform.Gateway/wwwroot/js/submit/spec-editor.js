// A textarea with line numbers and a backdrop under it that marks lines: a marked line is tinted
// and its messages show after the line's text, next to the field they are about.
import { h, replace } from '../shared/dom.js';

export function specEditor({ id, value, label, onInput }) {
    const textarea = h('textarea', {
        id,
        class: 'editor-text',
        spellcheck: 'false',
        wrap: 'off',
        autocapitalize: 'off',
        autocomplete: 'off',
        'aria-label': label,
        'data-testid': 'spec-editor',
    });
    textarea.value = value;
    const numbers = h('div', { class: 'editor-numbers' });
    const backdrop = h('div', { class: 'editor-backdrop-lines' });
    const element = h('div', { class: 'editor' },
        h('div', { class: 'editor-gutter', 'aria-hidden': 'true' }, numbers),
        h('div', { class: 'editor-body' },
            h('div', { class: 'editor-backdrop', 'aria-hidden': 'true' }, backdrop),
            textarea));
    let marks = new Map(); // 0-based line → messages

    function render() {
        const lines = textarea.value.split('\n');
        replace(numbers, lines.map((_, i) => h('div', { class: marks.has(i) ? 'marked' : null }, i + 1)));
        replace(backdrop, lines.map((text, i) => backdropLine(text, i + 1, marks.get(i))));
        scroll();
    }

    function scroll() {
        numbers.style.transform = `translateY(${-textarea.scrollTop}px)`;
        backdrop.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    }

    textarea.addEventListener('scroll', scroll);
    textarea.addEventListener('input', () => {
        // Marks belong to the text that was submitted; editing makes them stale.
        marks = new Map();
        render();
        onInput?.(textarea.value);
    });
    render();

    return {
        element,
        get value() { return textarea.value; },
        set value(text) {
            textarea.value = text;
            marks = new Map();
            render();
        },
        /** Marks lines (a Map of 0-based line → messages); an empty map clears them. */
        mark(lines) {
            marks = lines;
            render();
        },
        /** Selects a line (0-based) and scrolls it into view. */
        goTo(line) {
            const lines = textarea.value.split('\n');
            const start = lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
            textarea.focus();
            textarea.setSelectionRange(start, start + lines[line].length);
            const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
            textarea.scrollTop = Math.max(0, line * lineHeight - textarea.clientHeight / 2);
            scroll();
        },
    };
}

// The line's text, invisible (the textarea above shows it), then its messages if it is marked.
function backdropLine(text, number, messages) {
    if (!messages) return h('div', { class: 'editor-line', dataset: { line: number } }, h('span', { class: 'editor-shadow' }, text));
    return h('div', { class: 'editor-line marked', 'data-testid': 'marked-line', dataset: { line: number } },
        h('span', { class: 'editor-shadow' }, text),
        h('span', { class: 'editor-inline-error', 'data-testid': 'inline-error' }, messages.join('; ')));
}
