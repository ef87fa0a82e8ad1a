// Small DOM helpers: the UI builds its elements with h() instead of a framework.

/**
 * Creates an element. Attributes: `class`, `dataset` (object), `on` (event → handler),
 * `text`, properties such as `value`/`disabled`, and anything else as an attribute.
 * Children may be nodes, strings, numbers, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === null || value === undefined || value === false) continue;
        if (name === 'class') element.className = value;
        else if (name === 'dataset') Object.assign(element.dataset, value);
        else if (name === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
        else if (name === 'text') element.textContent = value;
        else if (name in element && typeof value !== 'string') element[name] = value;
        else element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, children);
    return element;
}

export function append(parent, children) {
    for (const child of [children].flat(Infinity)) {
        if (child === null || child === undefined || child === false) continue;
        parent.append(child instanceof Node ? child : String(child));
    }
    return parent;
}

/** Replaces the children of an element. */
export function replace(parent, ...children) {
    parent.replaceChildren();
    return append(parent, children);
}

/** A colored state badge (Pending, Running, Succeeded, Failed, ...). */
export function badge(state, testId) {
    const name = state ?? 'Unknown';
    return h('span', { class: `badge badge-${name.toLowerCase()}`, 'data-testid': testId, dataset: { state: name } }, name);
}

/** "3 s", "5 min", "2 h", "4 d" since an ISO time. */
export function age(iso, now = Date.now()) {
    if (!iso) return '';
    const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
    if (seconds < 60) return `${seconds} s`;
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
    if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
    return `${Math.floor(seconds / 86400)} d`;
}

/** Local date and time of an ISO time, to the second. */
export function time(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { hour12: false }) : '';
}

/** A jobs link: `#/jobs/{id}`. */
export function jobHref(id) {
    return `#/jobs/${encodeURIComponent(id)}`;
}

export const finishedStates = new Set(['Succeeded', 'Failed', 'Cancelled']);
