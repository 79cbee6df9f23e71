// Tells screen reader users what happened, politely, without moving anyone's focus. The answer to
// something you did is said at once; other people's changes are gathered and said at most once every
// five seconds ("3 new cards in What is working"), and each person can turn those off.
const region = document.getElementById('announcer');
const switchOff = document.getElementById('announce-others');
const offKey = 'rr-announce-others-off';
const quietFor = 5000;

// Gathered changes by kind, in the order they first came: the latest words for one, a count for many.
const gathered = new Map();
let lastSaid = -Infinity;
let timer = null;

if (switchOff) {
    switchOff.closest('[hidden]')?.removeAttribute('hidden');
    switchOff.checked = localStorage.getItem(offKey) !== 'true';
    switchOff.addEventListener('change', () => {
        localStorage.setItem(offKey, String(!switchOff.checked));
        if (!switchOff.checked) gathered.clear();
    });
}

/** Says at once what came of the person's own action: a refusal, "copied", "saved". */
export function announce(message) {
    say(message);
}

/**
 * Gathers someone else's change to say with the others. Changes of one kind (the same group) are
 * said as one: by <one>, the words of the latest, or by <many>(n) once there are several.
 */
export function announceChange(group, one, many) {
    if (!region || localStorage.getItem(offKey) === 'true') return;
    const change = gathered.get(group) ?? { count: 0 };
    gathered.set(group, { count: change.count + 1, one, many: many ?? (() => one) });
    timer ??= setTimeout(sayGathered, Math.max(0, lastSaid + quietFor - performance.now()));
}

function sayGathered() {
    timer = null;
    const message = [...gathered.values()].map((c) => (c.count === 1 ? c.one : c.many(c.count))).join(' ');
    gathered.clear();
    if (message) say(message);
}

function say(message) {
    if (!region) return;
    lastSaid = performance.now();
    region.textContent = '';
    // A fresh text node after clearing makes repeated messages heard again.
    requestAnimationFrame(() => { region.textContent = message; });
}
