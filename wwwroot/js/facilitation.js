// How the facilitator steers the room: "Now discussing", locked sections, quiet writing, and the
// self-assessment choices. Nobody's focus is ever taken: someone who is not typing is scrolled to
// the section under discussion; someone who is typing gets a "Go there" button instead.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';
import { element } from './cards.js';

export function showFacilitation(board, room, { goThere }) {
    let nowDiscussing = board.querySelector('.board__section--now')?.dataset.sectionId ?? null;
    let sections = new Map();

    for (const section of board.querySelectorAll('[data-section-id]')) {
        for (const button of section.querySelectorAll('[data-command]')) {
            button.hidden = false;
            button.addEventListener('click', () => command(section.dataset.sectionId, button.dataset.command));
        }
    }

    room.addEventListener('snapshot', ({ detail }) => {
        sections = new Map(detail.sections.map((s) => [s.id, s]));
        moveOn(detail.nowDiscussing ?? null);
    });
    room.addEventListener('sections-changed', ({ detail }) => {
        for (const state of detail) {
            if (sections.has(state.id)) sections.set(state.id, { ...sections.get(state.id), ...state });
        }
        moveOn(nowDiscussing);
    });
    room.addEventListener('board-changed', ({ detail }) => moveOn(detail.nowDiscussing ?? null));

    function moveOn(now) {
        for (const section of sections.values()) show(section, now === section.id);
        if (now !== nowDiscussing) {
            nowDiscussing = now;
            if (nowDiscussing) takeThere(nowDiscussing);
        }
    }

    function show(section, now) {
        const panel = board.querySelector(`[data-section-id="${CSS.escape(section.id)}"]`);
        if (!panel) return;
        panel.classList.toggle('board__section--now', now);
        panel.querySelector('[data-now-badge]').hidden = !now;
        panel.querySelector('[data-locked-notice]').hidden = !section.locked;
        panel.querySelector('[data-quiet-notice]').hidden = !section.quietWriting;
        const fields = panel.querySelector('form fieldset');
        if (fields) fields.disabled = section.locked;
        const lock = panel.querySelector('[data-command="lock"]');
        if (lock) lock.textContent = say(section.locked ? 'Board.Unlock' : 'Board.Lock');
        const quiet = panel.querySelector('[data-command="quiet"]');
        if (quiet) quiet.textContent = say(section.quietWriting ? 'Board.QuietReveal' : 'Board.QuietStart');
        const summary = panel.querySelector('[data-choice-summary]');
        if (summary) {
            summary.textContent = section.chosen === null || section.chosen === undefined
                ? say('Board.Choice.NotChosen')
                : say('Board.Choice.Chosen', section.options[section.chosen]);
        }
    }

    function takeThere(sectionId) {
        const panel = board.querySelector(`[data-section-id="${CSS.escape(sectionId)}"]`);
        const heading = panel?.querySelector('h2')?.textContent ?? '';
        announceChange('now-discussing', say('Board.Announce.NowDiscussing', heading));
        const typing = document.activeElement?.matches?.('textarea, input[type="text"], input:not([type]), select')
            && (document.activeElement.value ?? '') !== '';
        if (typing) {
            goThere.offer(say('Board.NowDiscussingElsewhere', heading), () => {
                panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
                panel.querySelector('h2').focus();
            });
        } else {
            goThere.clear();
            panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }
    }

    async function command(sectionId, name) {
        const section = sections.get(sectionId);
        try {
            if (name === 'now') await room.invoke('SetNowDiscussing', sectionId);
            if (name === 'lock') await room.invoke('SetLocked', sectionId, !section?.locked);
            if (name === 'quiet') await room.invoke('SetQuietWriting', sectionId, !section?.quietWriting);
        } catch (error) {
            announce(error.refusal ?? say('waiting'));
        }
    }
}

/** The "Go there" offer, shown to someone who was typing when the room moved on. */
export function goThereOffer(area) {
    return {
        offer(message, go) {
            const button = element('button', 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', say('Board.GoThere'));
            button.type = 'button';
            button.addEventListener('click', () => { area.hidden = true; go(); });
            area.replaceChildren(element('span', 'go-there__text', message), button);
            area.hidden = false;
        },
        clear() {
            area.hidden = true;
        },
    };
}
