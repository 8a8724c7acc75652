// Our own CDK app: `env.js` before the CDK CLI has looked up the availability zones of `Env`'s
// account and region: the VPC gets the CDK's placeholder zones and the manifest lists the
// lookup as missing.
process.env.ENV_APP_WITHOUT_ZONES = '1';
require('./env.js');
