#!/usr/bin/env python3
"""Normalize a CloudFormation template synthesized by the CDK (or by us) for the golden files.

Drops what is bootstrap/telemetry noise rather than app content:
  - the AWS::CDK::Metadata resource and the CDKMetadataAvailable condition,
  - every "Metadata" key (template level and per resource),
  - the BootstrapVersion parameter and the CheckBootstrapVersion rule,
  - sections (Parameters, Rules, Conditions, ...) that end up empty.
Keeps everything else, in its original key order. Output: JSON with 1-space indent, non-ASCII
kept as is, and a trailing newline.

Usage: normalize_template.py TEMPLATE.json [OUT.json]   (stdout without OUT)
"""
import json
import sys

DROPPED = {'Parameters': 'BootstrapVersion', 'Rules': 'CheckBootstrapVersion',
           'Conditions': 'CDKMetadataAvailable'}


def normalize(template):
    out = {}
    for section, body in template.items():
        if section == 'Metadata':
            continue
        if section == 'Resources':
            body = {lid: {k: v for k, v in res.items() if k != 'Metadata'}
                    for lid, res in body.items() if res.get('Type') != 'AWS::CDK::Metadata'}
        elif section in DROPPED and isinstance(body, dict):
            body = {k: v for k, v in body.items() if k != DROPPED[section]}
        if isinstance(body, (dict, list)) and not body and section != 'Resources':
            continue
        out[section] = body
    return out


def dumps(template):
    return json.dumps(normalize(template), indent=1, ensure_ascii=False) + '\n'


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as f:
        text = dumps(json.load(f))
    if len(sys.argv) > 2:
        with open(sys.argv[2], 'w', encoding='utf-8') as f:
            f.write(text)
    else:
        sys.stdout.write(text)
