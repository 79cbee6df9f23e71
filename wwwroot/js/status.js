// The line that says whether the board is live, saved, reconnecting or offline.
import { say } from './text.js';

export function showStatus(element, room) {
    room.addEventListener('state', ({ detail }) => set(detail.state));
    return { saved: () => set('saved', 'live') };

    function set(key, state = key) {
        element.dataset.state = state;
        element.textContent = say(key);
    }
}
