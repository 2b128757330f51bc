import { mount } from 'svelte'
import './app.css'
// Keeps the light/dark class in step with the listener's choice and the system (see theme-init.js).
import './lib/theme.svelte.ts'
import App from './App.svelte'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element to mount into')

export default mount(App, { target })
