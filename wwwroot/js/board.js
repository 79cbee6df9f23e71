// The board page: goes live once the server-rendered page has loaded.
import { RoomConnection } from './room-connection.js';
import { showCards } from './cards.js';
import { showActions } from './actions.js';
import { showFacilitation, goThereOffer } from './facilitation.js';
import { showPresence } from './presence.js';
import { showStatus } from './status.js';
import { announce } from './announcer.js';
import { showTrafficLights, showHeldUp } from './traffic-lights.js';
import { say } from './text.js';
import { showMeetingTimer } from './meeting-timer.js';

const room = document.getElementById('room');
const { reviewId, version, me } = room.dataset;
const isFacilitator = room.dataset.facilitator === 'true';
const isPerson = room.dataset.person === 'true';
const board = room.querySelector('.board');
const connection = new RoomConnection(reviewId, Number(version));

const status = showStatus(document.getElementById('connection-status'), connection);
showPresence(document.getElementById('here-now'), connection, me, { canAdmit: isFacilitator || isPerson });
showCards(board, connection, { reviewId, me, isFacilitator, isPerson, status });

// Once the review is closed, the facilitator and the person go on to the minutes.
for (const type of ['snapshot', 'board-changed']) {
    connection.addEventListener(type, ({ detail }) => {
        if (detail.isClosed && (isFacilitator || isPerson)) location.assign(`/minutes/${encodeURIComponent(reviewId)}`);
    });
}

// Someone taken out of the review keeps nothing on their screen.
connection.addEventListener('state', ({ detail }) => {
    if (detail.state !== 'refused') return;
    board.replaceChildren();
    room.querySelector('.room__people')?.replaceChildren();
});
showActions(board, connection, { me, isFacilitator, status });
showFacilitation(board, connection, { goThere: goThereOffer(document.getElementById('go-there')) });
showTrafficLights(document.getElementById('traffic-lights'), connection, { me });
showMeetingTimer(document.getElementById('meeting-timer'), connection);
showHeldUp(document.querySelector('#traffic-lights [data-held-up] ul'), connection, { me, readOut: true });

for (const button of document.querySelectorAll('[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    button.hidden = false;
    button.addEventListener('click', async () => {
        source.select();
        await navigator.clipboard?.writeText(source.value).catch(() => {});
        announce(say('copied'));
    });
}

connection.start();
