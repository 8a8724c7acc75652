// Offline test of ecs-core/assets/restrict-default-sg with a stubbed @aws-sdk/client-ec2 and a
// stubbed https.request (the response PUT). Run: node scripts/handler-tests/test_restrict_default_sg.js
'use strict';
const assert = require('assert');
const path = require('path');
const Module = require('module');
const https = require('https');
const { EventEmitter } = require('events');

const sent = [];     // EC2 calls: [commandName, input]
let rules;           // rules currently on the fake group
const fail = {};     // commandName -> error name to throw once

class Cmd { constructor(input) { this.input = input; } }
const sdk = { EC2Client: class { async send(cmd) {
  const name = cmd.constructor.name;
  sent.push([name, cmd.input]);
  if (fail[name]) { const e = new Error(fail[name]); e.name = fail[name]; delete fail[name]; throw e; }
  const p = cmd.input.IpPermissions[0];
  const key = p.UserIdGroupPairs ? 'self' : p.IpRanges ? 'v4' : 'v6';
  if (name.startsWith('Revoke')) {
    if (!rules.has(key)) { const e = new Error('InvalidPermission.NotFound'); e.name = 'InvalidPermission.NotFound'; throw e; }
    rules.delete(key);
  } else {
    if (rules.has(key)) { const e = new Error('InvalidPermission.Duplicate'); e.name = 'InvalidPermission.Duplicate'; throw e; }
    rules.add(key);
  }
} } };
for (const n of ['AuthorizeSecurityGroupEgressCommand', 'AuthorizeSecurityGroupIngressCommand',
  'RevokeSecurityGroupEgressCommand', 'RevokeSecurityGroupIngressCommand']) {
  sdk[n] = { [n]: class extends Cmd {} }[n];
}
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) {
  return req === '@aws-sdk/client-ec2' ? '@aws-sdk/client-ec2' : origResolve.call(this, req, ...rest);
};
require.cache['@aws-sdk/client-ec2'] = { id: '@aws-sdk/client-ec2', filename: '@aws-sdk/client-ec2', loaded: true, exports: sdk };

const puts = [];     // [url, headers, body]
let putFailures = 0; // fail this many PUTs with a network error first
https.request = (url, opts, cb) => {
  const req = new EventEmitter();
  req.end = (body) => setImmediate(() => {
    if (putFailures > 0) { putFailures--; return req.emit('error', new Error('ECONNRESET')); }
    puts.push([url, opts, JSON.parse(body)]);
    const res = new EventEmitter(); res.statusCode = 200; res.resume = () => {};
    cb(res); res.emit('end');
  });
  req.destroy = () => {};
  return req;
};

const { handler } = require(path.join(__dirname, '../../ecs-core/assets/restrict-default-sg/__entrypoint__.js'));
const ctx = { logStreamName: 'log/stream' };
const base = { ResponseURL: 'https://example.com/put?sig=x', StackId: 'arn:stack', RequestId: 'req-1',
  LogicalResourceId: 'VpcRestrict', ResourceType: 'Custom::VpcRestrictDefaultSG' };
const props = (sg) => ({ ServiceToken: 'arn:fn', DefaultSecurityGroupId: sg, Account: '123456789012' });
console.log = () => {}; console.error = () => {};

(async () => {
  // Create on an IPv6 VPC: all three rules revoked, id records ipv6.
  rules = new Set(['self', 'v4', 'v6']);
  await handler({ ...base, RequestType: 'Create', ResourceProperties: props('sg-1') }, ctx);
  assert.deepStrictEqual([...rules], []);
  let r = puts.pop();
  assert.strictEqual(r[1].method, 'PUT');
  assert.strictEqual(r[1].headers['content-type'], '');
  assert.deepStrictEqual(r[2], { Status: 'SUCCESS', Reason: 'OK', PhysicalResourceId: 'sg-1+ipv6',
    StackId: 'arn:stack', RequestId: 'req-1', LogicalResourceId: 'VpcRestrict' });
  assert.deepStrictEqual(sent[0], ['RevokeSecurityGroupIngressCommand', { GroupId: 'sg-1',
    IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1', UserId: '123456789012' }] }] }]);

  // Update, same group: nothing sent, id kept.
  sent.length = 0;
  await handler({ ...base, RequestType: 'Update', PhysicalResourceId: 'sg-1+ipv6', ResourceProperties: props('sg-1'), OldResourceProperties: props('sg-1') }, ctx);
  assert.strictEqual(sent.length, 0);
  assert.strictEqual(puts.pop()[2].PhysicalResourceId, 'sg-1+ipv6');

  // Delete: all three restored, including ::/0 because the id says so.
  await handler({ ...base, RequestType: 'Delete', PhysicalResourceId: 'sg-1+ipv6', ResourceProperties: props('sg-1') }, ctx);
  assert.deepStrictEqual([...rules].sort(), ['self', 'v4', 'v6']);
  assert.strictEqual(puts.pop()[2].Status, 'SUCCESS');

  // Update to another group (IPv4-only VPC): new group revoked, new id => CFN deletes the old one.
  rules = new Set(['self', 'v4']);
  await handler({ ...base, RequestType: 'Update', PhysicalResourceId: 'sg-1+ipv6', ResourceProperties: props('sg-2'), OldResourceProperties: props('sg-1') }, ctx);
  assert.deepStrictEqual([...rules], []);
  assert.strictEqual(puts.pop()[2].PhysicalResourceId, 'sg-2');

  // Delete of an IPv4-only group: ::/0 not added; a retried Delete is fine (duplicates ignored).
  sent.length = 0;
  for (let i = 0; i < 2; i++) {
    await handler({ ...base, RequestType: 'Delete', PhysicalResourceId: 'sg-2', ResourceProperties: props('sg-2') }, ctx);
    assert.strictEqual(puts.pop()[2].Status, 'SUCCESS');
  }
  assert.deepStrictEqual([...rules].sort(), ['self', 'v4']);
  assert.ok(!sent.some(([, input]) => input.IpPermissions[0].Ipv6Ranges));

  // Create fails (access denied): FAILED with a reason and a failed- id; the rollback Delete is a no-op.
  rules = new Set(['self', 'v4']); sent.length = 0;
  fail.RevokeSecurityGroupIngressCommand = 'UnauthorizedOperation';
  await handler({ ...base, RequestType: 'Create', ResourceProperties: props('sg-3') }, ctx);
  r = puts.pop()[2];
  assert.strictEqual(r.Status, 'FAILED');
  assert.match(r.Reason, /UnauthorizedOperation.*log\/stream/);
  assert.strictEqual(r.PhysicalResourceId, 'failed-req-1');
  sent.length = 0;
  await handler({ ...base, RequestType: 'Delete', PhysicalResourceId: 'failed-req-1', ResourceProperties: props('sg-3') }, ctx);
  assert.strictEqual(sent.length, 0);
  assert.strictEqual(puts.pop()[2].Status, 'SUCCESS');

  // Delete when the group is gone: success.
  fail.AuthorizeSecurityGroupIngressCommand = 'InvalidGroup.NotFound';
  await handler({ ...base, RequestType: 'Delete', PhysicalResourceId: 'sg-9', ResourceProperties: props('sg-9') }, ctx);
  assert.strictEqual(puts.pop()[2].Status, 'SUCCESS');

  // The response PUT is retried after a network error.
  putFailures = 1;
  await handler({ ...base, RequestType: 'Update', PhysicalResourceId: 'sg-2', ResourceProperties: props('sg-2'), OldResourceProperties: props('sg-2') }, ctx);
  assert.strictEqual(puts.pop()[2].Status, 'SUCCESS');
  assert.strictEqual(puts.length, 0);
  process.stdout.write('restrict-default-sg handler: ok\n');
})().catch((e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
