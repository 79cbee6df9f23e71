// The facilitator's timer, on every board and the big screen. The server says how long is left
// with each change; the page counts down from there on its own clock, so a clock set wrong on a
// device changes nothing. Time running out is said once, politely; the seconds ticking are not.
import { announce } from './announcer.js';
import { say } from './text.js';

export function showMeetingTimer(element, room) {
    if (!element) return;
    const shows = element.querySelector('[data-timer-shows]');
    let state = element.dataset.state;
    let left = Number(element.dataset.secondsLeft);
    let endsAt = state === 'Running' ? performance.now() + left * 1000 : null;
    let saidUp = state === 'Running' && left === 0;

    const secondsLeft = () => (endsAt === null ? left : Math.max(0, Math.ceil((endsAt - performance.now()) / 1000)));
    const tick = () => {
        const seconds = secondsLeft();
        const up = state === 'Running' && seconds === 0;
        shows.textContent = state === 'Off' ? ''
            : state === 'Paused' ? say('Board.Timer.Paused', clock(seconds))
            : up ? say('Board.Timer.Up') : say('Board.Timer.Left', clock(seconds));
        element.classList.toggle('meeting-timer--up', up);
        if (up && !saidUp) {
            saidUp = true;
            announce(say('Board.Timer.Up'));
        }
    };
    const show = (timer) => {
        if (!timer) return;
        ({ state, secondsLeft: left } = timer);
        endsAt = state === 'Running' ? performance.now() + left * 1000 : null;
        saidUp = state === 'Running' && left === 0;
        element.dataset.state = state;
        element.hidden = state === 'Off' && element.dataset.always !== 'True';
        for (const control of element.querySelectorAll('[data-when]')) control.hidden = !control.dataset.when.split(' ').includes(state);
        tick();
    };

    room.addEventListener('snapshot', ({ detail }) => show(detail.timer));
    room.addEventListener('board-changed', ({ detail }) => show(detail.timer));
    setInterval(tick, 1000);
}

function clock(seconds) {
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
