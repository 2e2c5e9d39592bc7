import { mount } from 'svelte';
import App from './App.svelte';
import { openDatabase } from './storage/db';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

/** A plain notice outside the app, for the moments before (or beside) it: no Svelte needed. */
function notice(text: string): void {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.className = 'error-box';
  box.style.margin = '1rem';
  box.textContent = text;
  document.body.prepend(box);
}

// Storage opens before the first render so no screen shows empty and then fills in.
const opened = await openDatabase({
  onBlocked: () =>
    notice(
      'Floorcheck is waiting for another of its tabs to close: an older version there holds the saved data. ' +
        'Close the other Floorcheck tabs and this page will continue.',
    ),
  onClosedForUpgrade: () =>
    notice('A newer version of Floorcheck was opened in another tab. Reload this page to keep working.'),
  onTerminated: () =>
    notice('The browser closed Floorcheck’s saved data (storage cleared?). Reload the page to continue.'),
});
for (const box of document.querySelectorAll('body > p[role="alert"]')) box.remove();

export default mount(App, { target, props: { opened } });
