// Finds the line of the editor that holds a field the server named, e.g.
// "replicas.worker.resources.gpus": each segment is looked for under the one before (in its
// indented block, or later on the same line for a flow mapping such as `{ cpus: 1, gpus: 0.5 }`).
// When a field is missing from the text (a required image, say), the deepest parent found is
// answered instead, with exact: false.

const indentation = (line) => /^\s*(?:-\s+)?/.exec(line)[0].length;
const isContent = (line) => line.trim() !== '' && !line.trim().startsWith('#');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @returns {{ line: number, exact: boolean } | null} the 0-based line */
export function fieldLine(text, field) {
    const lines = text.split('\n');
    const segments = field.replace(/\[\d+\]/g, '').split('.').filter(Boolean);
    let scope = { line: -1, column: 0, indent: -1 };
    let found = null;
    for (const segment of segments) {
        const hit = findKey(lines, segment, scope);
        if (!hit) return found && { line: found.line, exact: false };
        found = hit;
        scope = hit;
    }
    return found && { line: found.line, exact: true };
}

function findKey(lines, key, parent) {
    const pattern = new RegExp(`(^|[\\s{,])(["']?)${escape(key)}\\2\\s*:`);
    if (parent.line >= 0) {
        const rest = lines[parent.line].slice(parent.column);
        const inline = pattern.exec(rest);
        if (inline) return { line: parent.line, column: parent.column + inline.index + inline[0].length, indent: parent.indent };
    }

    const block = [];
    for (let i = parent.line + 1; i < lines.length; i++) {
        if (!isContent(lines[i])) continue;
        if (indentation(lines[i]) <= parent.indent) break;
        block.push(i);
    }
    if (block.length === 0) return null;
    // A direct child sits at the block's first indentation; a deeper match is a fallback (JSON on few lines).
    const childIndent = indentation(lines[block[0]]);
    const candidates = [...block.filter((i) => indentation(lines[i]) === childIndent), ...block];
    for (const i of candidates) {
        const match = pattern.exec(lines[i]);
        if (match) return { line: i, column: match.index + match[0].length, indent: indentation(lines[i]) };
    }
    return null;
}
