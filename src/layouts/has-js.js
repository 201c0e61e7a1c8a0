/* global document */
document.documentElement.classList.add('js');
