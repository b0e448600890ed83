import { buildApp } from './build.js';

const { app } = buildApp();
app.synth();
