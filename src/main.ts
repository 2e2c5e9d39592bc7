import { mount } from 'svelte';
import App from './App.svelte';
import { openDatabase } from './storage/db';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Storage opens before the first render so no screen shows empty and then fills in.
const opened = await openDatabase({
  onBlocked: () => console.warn('Floorcheck: another tab holds an older database version open.'),
});

export default mount(App, { target, props: { opened } });
