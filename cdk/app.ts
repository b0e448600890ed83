import { buildApp } from './build.js';

// cdk-nag runs on every `cdk synth`/`cdk deploy`: a finding that is not acknowledged fails it.
const { app } = buildApp({ nag: true });
app.synth();
