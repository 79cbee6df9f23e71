// Tells screen reader users what others did, politely, without moving anyone's focus.
const region = document.getElementById('announcer');

export function announce(message) {
    if (!region) return;
    region.textContent = '';
    // A fresh text node after clearing makes repeated messages heard again.
    requestAnimationFrame(() => { region.textContent = message; });
}
