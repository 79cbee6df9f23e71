// The page's words, from the server's localised resources (a JSON block, never inline script).
const text = JSON.parse(document.getElementById('board-text')?.textContent ?? '{}');

/** The localised string for key, with {0}, {1}… filled in. */
export function say(key, ...values) {
    return (text[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => values[Number(i)] ?? '');
}
