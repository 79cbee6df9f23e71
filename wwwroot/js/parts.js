// Draws from the page's templates: the markup is the server's (server/Sections), and the script only
// fills it in. A part given words shows them; given null it is hidden; given true or false, shown or not.
export function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

export function fill(node, parts) {
    for (const [name, value] of Object.entries(parts)) {
        const part = node.dataset.part === name ? node : node.querySelector(`[data-part="${name}"]`);
        if (!part) continue;
        if (typeof value === 'boolean') {
            part.hidden = !value;
        } else {
            part.hidden = value === null || value === undefined;
            part.textContent = value ?? '';
        }
    }
    return node;
}

// A chart's card: a row of its template's answers for each column, each named by its column.
export function fillAnswers(node, answers) {
    const list = node.querySelector('[data-part="answers"]');
    if (!list) return node;
    const row = list.querySelector('[data-part="answer"]');
    list.hidden = !answers;
    list.replaceChildren(...(answers ?? []).map((answer) => fill(row.cloneNode(true), { column: answer.column, answerText: answer.text })));
    return node;
}

// Where a card sits in its section, as the server writes it (CardPlace): "working|Family", or "".
export function placeOf(card) {
    if (!card.perspective) return '';
    const column = card.working === true ? 'working' : card.working === false ? 'not-working' : '';
    return `${column}|${card.perspective}`;
}

// Whether a card belongs in this list of its section: the list's place is the card's.
export function belongs(card, list) {
    return (list.dataset.place ?? '') === placeOf(card);
}

export function parsePlace(value) {
    const at = value.indexOf('|');
    if (at < 0) return { perspective: null, working: null };
    const column = value.slice(0, at);
    return { perspective: value.slice(at + 1), working: column === '' ? null : column === 'working' };
}

// Puts the items in order without taking out one that stays: taking out an element loses its focus.
export function place(list, items) {
    const staying = new Set(items);
    for (const child of [...list.children]) {
        if (!staying.has(child)) child.remove();
    }
    items.forEach((node, i) => {
        if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
}
