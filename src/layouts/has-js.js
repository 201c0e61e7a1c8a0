/* global document */
// Tells CSS that scripts run (GOV.UK's habit), before the body is drawn. A file, not an
// inline script: the site's Content-Security-Policy allows scripts from the site only.
document.documentElement.classList.add('js');
