'use strict';
// Lambda entry point (handler `__entrypoint__.handler`) for a CloudFormation custom resource.
//
// CloudFormation does not read the Lambda's return value: it waits (up to an hour) for a JSON
// document PUT to the pre-signed S3 URL in `event.ResponseURL`. This file owns that protocol so
// that `index.js` only has to do the work: it returns `{ PhysicalResourceId?, Data? }` or throws.
// Protocol: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html
const https = require('https');

// CloudFormation rejects response bodies over 4096 bytes; the reason is the only unbounded field.
const MAX_REASON = 1000;
const ATTEMPTS = 4;

exports.handler = async (event, context) => {
  // Log the request for debugging, but never the ResponseURL: it is a credential (a pre-signed URL).
  console.log('request', JSON.stringify({ ...event, ResponseURL: '...' }));
  let response;
  try {
    const result = (await require('./index.js').handler(event, context)) || {};
    response = {
      Status: 'SUCCESS',
      Reason: 'OK',
      // Keep the old id unless the handler chose a new one: a changed id makes CloudFormation send
      // a Delete for the old one (replacement). On Create there is no old id, so one is required.
      PhysicalResourceId: result.PhysicalResourceId || event.PhysicalResourceId || event.RequestId,
      Data: result.Data,
    };
  } catch (err) {
    console.error(err);
    const message = `${(err && err.message) || err}`.slice(0, MAX_REASON);
    response = {
      Status: 'FAILED',
      Reason: `${message} (log stream ${context && context.logStreamName})`,
      // A failed Create still needs an id: CloudFormation will send a Delete for it during the
      // rollback. The `failed-` prefix lets the handler recognise that nothing was done.
      PhysicalResourceId: event.PhysicalResourceId || `failed-${event.RequestId}`,
    };
  }
  await respond(event, response);
};

async function respond(event, response) {
  const body = JSON.stringify({
    ...response,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  console.log('response', body);
  // A lost response leaves the stack hanging until CloudFormation's timeout, so retry transient
  // failures (network errors, 5xx) with a short backoff rather than giving up at once.
  for (let attempt = 1; ; attempt++) {
    try {
      return await put(event.ResponseURL, body);
    } catch (err) {
      if (attempt >= ATTEMPTS) throw err;
      console.error(`response attempt ${attempt} failed: ${err.message}`);
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
    }
  }
}

function put(url, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method: 'PUT',
      // The URL is signed without a content type, so the header must be empty (not application/json).
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
      timeout: 10000,
    }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode < 300 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
