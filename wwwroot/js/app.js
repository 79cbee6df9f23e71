// Every page: GOV.UK Frontend's behaviour (skip link, error summary focus, buttons).
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
