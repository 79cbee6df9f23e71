// Actions: what will be done, by a named person, by a date; sorted by date, with the date in words.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';
import { element, newOperationId } from './cards.js';
import { fromTemplate, fill, place } from './parts.js';

export function showActions(board, room, { me, isFacilitator, status }) {
    let actions = new Map();
    // Notes typed but not yet saved survive the list being redrawn by someone else's change.
    const noteDrafts = new Map();

    for (const form of board.querySelectorAll('form.add-action')) {
        let operationId = newOperationId();
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const { sectionId, what, owner, due } = form.elements;
            clearErrors(form);
            try {
                await room.invoke('AddAction', operationId, {
                    sectionId: sectionId.value, what: what.value, owner: owner.value, due: due.value || null,
                });
                form.reset();
                operationId = newOperationId();
                status.saved();
            } catch (error) {
                showError(form, error.refusal ?? say('waiting'));
            }
        });
    }

    room.addEventListener('snapshot', ({ detail }) => {
        actions = new Map(detail.sections.flatMap((s) => s.actions).map((a) => [a.id, a]));
        render();
    });
    room.addEventListener('action-saved', ({ detail: action }) => {
        const isNew = !actions.has(action.id);
        actions.set(action.id, action);
        render();
        if (isNew && action.authorId !== me) {
            announceChange('actions', say('Board.Announce.ActionAdded', action.what.slice(0, 140)), (n) => say('Board.Announce.NewActions', n));
        }
    });

    function render() {
        for (const list of board.querySelectorAll('[data-actions-for]')) {
            const inSection = [...actions.values()]
                .filter((a) => a.sectionId === list.dataset.actionsFor)
                .sort((a, b) => a.due.localeCompare(b.due));
            // The action someone is working on keeps its element, so their focus and typing stay put.
            const busy = document.activeElement?.closest('[data-action-id]');
            place(list, inSection.map((a) => (busy?.dataset.actionId === a.id && list.contains(busy) ? busy : item(a))));
        }
    }

    function item(action) {
        const li = fill(fromTemplate('action-template'), {
            what: action.what,
            who: say('Board.Action.WhoWhen', action.owner, action.dueOn, action.dueInWords),
            note: action.carriedOver,
        });
        li.dataset.actionId = action.id;
        const canEdit = action.authorId === me || isFacilitator;
        const select = li.querySelector('.action__status select');
        select.id = `status-${action.id}`;
        li.querySelector('.action__status label').htmlFor = select.id;
        select.value = action.status;
        select.disabled = !canEdit;
        select.addEventListener('change', async () => {
            try {
                await room.invoke('SetActionStatus', action.id, select.value);
                status.saved();
            } catch (error) {
                announce(error.refusal ?? say('waiting'));
            }
        });
        if (action.carriedOver) showNote(li, action, canEdit);
        return li;
    }

    // How an action brought from last time went, in a few words.
    function showNote(li, action, canEdit) {
        const input = li.querySelector('.action__note input');
        const save = li.querySelector('.action__note button');
        input.id = `note-${action.id}`;
        li.querySelector('.action__note label').htmlFor = input.id;
        Object.assign(input, { value: noteDrafts.get(action.id) ?? action.note ?? '', disabled: !canEdit });
        input.addEventListener('input', () => noteDrafts.set(action.id, input.value));
        save.disabled = !canEdit;
        save.addEventListener('click', async () => {
            try {
                await room.invoke('SetActionNote', action.id, input.value);
                noteDrafts.delete(action.id);
                status.saved();
                announce(say('Board.Action.NoteSaved', action.what.slice(0, 140)));
            } catch (error) {
                announce(error.refusal ?? say('waiting'));
            }
        });
    }
}

function clearErrors(form) {
    form.querySelector('.action__error')?.remove();
}

function showError(form, message) {
    const error = element('p', 'govuk-error-message action__error', message);
    error.setAttribute('role', 'alert');
    form.prepend(error);
}
