// Every page: GOV.UK Frontend's behaviour (skip link, error summary focus, buttons).
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// A "Print" button only makes sense with a script to press it.
for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
}

// Someone who left a review on this device keeps none of what they had typed in it either.
if (document.querySelector('[data-forget-drafts]')) {
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('rr-'))) sessionStorage.removeItem(key);
}
