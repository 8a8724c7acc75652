#!/usr/bin/env python3
"""The CDK's asset source fingerprint (aws-cdk-lib core/lib/fs/fingerprint.js), reimplemented.

Usage: fingerprint.py FILE_OR_DIR   -> 64 hex digits on stdout

This is the hash the CDK gives a file or directory asset with the default hash type (SOURCE, no
extra hash, symlinks followed when external): the `asset.<hash>` directory name, the key in
`<Stack>.assets.json` and the S3 object key. Used to check our Rust implementation against the
CDK for staged Lambda code and for the fixture assets of apps 15/16.
Symlinks and the 8 KiB chunk decoding edge cases of the JS original are not reproduced.
"""
import hashlib
import os
import sys


def _field(h, header, value):
    # "\x01" header "\x02" value "\x03", as _hashField in fingerprint.js
    h.update(b'\x01' + header.encode() + b'\x02' + value.encode() + b'\x03')


def content_fingerprint(path):
    data = open(path, 'rb').read()
    if b'\x00' not in data[:8192]:  # text: CRLF -> LF before hashing, size after normalization
        data = data.replace(b'\r\n', b'\n')
    return f'{len(data)}:{hashlib.sha256(data).hexdigest()}'


def fingerprint(root):
    root = os.path.realpath(root)
    h = hashlib.sha256()
    _field(h, 'options.extra', '')
    _field(h, 'options.follow', 'external')

    def walk(p):
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                walk(os.path.join(p, name))
        else:
            rel = '' if p == root else os.path.relpath(p, root).replace(os.sep, '/')
            _field(h, 'file:' + rel, content_fingerprint(p))

    walk(root)
    return h.hexdigest()


if __name__ == '__main__':
    print(fingerprint(sys.argv[1]))
