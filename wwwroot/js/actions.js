// Actions: what will be done, by a named person, by a date; sorted by date, with the date in words.
import { announce, announceChange } from './announcer.js';
import { say } from './text.js';
import { element, newOperationId, place } from './cards.js';

const statuses = ['Open', 'Done', 'PartlyDone', 'NotDone', 'Dropped'];

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
        const li = element('li', 'action');
        li.dataset.actionId = action.id;
        li.append(element('p', 'action__what', action.what));
        li.append(element('p', 'action__who', say('Board.Action.WhoWhen', action.owner, action.dueOn, action.dueInWords)));
        const id = `status-${action.id}`;
        const label = element('label', 'govuk-label govuk-label--s', say('Board.Action.Status'));
        label.htmlFor = id;
        const select = element('select', 'govuk-select');
        select.id = id;
        for (const value of statuses) {
            const option = element('option', '', say(`ActionStatus.${value}`));
            option.value = value;
            option.selected = value === action.status;
            select.append(option);
        }
        select.disabled = !(action.authorId === me || isFacilitator);
        select.addEventListener('change', async () => {
            try {
                await room.invoke('SetActionStatus', action.id, select.value);
                status.saved();
            } catch (error) {
                announce(error.refusal ?? say('waiting'));
            }
        });
        const group = element('div', 'govuk-form-group action__status');
        group.append(label, select);
        li.append(group);
        if (action.carriedOver) li.append(noteOf(action, !select.disabled));
        return li;
    }

    // How an action brought from last time went, in a few words.
    function noteOf(action, canEdit) {
        const id = `note-${action.id}`;
        const group = element('div', 'govuk-form-group action__note');
        const label = element('label', 'govuk-label govuk-label--s', say('Board.Action.Note'));
        label.htmlFor = id;
        const input = element('input', 'govuk-input');
        Object.assign(input, { id, type: 'text', value: noteDrafts.get(action.id) ?? action.note ?? '', disabled: !canEdit });
        input.addEventListener('input', () => noteDrafts.set(action.id, input.value));
        const save = element('button', 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', say('Board.Action.SaveNote'));
        save.type = 'button';
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
        group.append(label, input, save);
        return group;
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
