#!/usr/bin/env python3
"""Run AWS CloudFormation Validate (PyPI `cloudformation-validate`, a library without a CLI) on
templates. Prints the non-INFO diagnostics (all with -v) and a count per severity for each
template; exits 1 if any diagnostic has severity ERROR or FATAL (SPEC §2: no errors), 2 if the package is
missing. The CDK's own templates get W3005 warnings and many INFO notes, and no errors.

Usage: cfn_validate.py [-v] TEMPLATE.json [...]
"""
import sys

try:
    from cloudformation_validate import CompositeEngine
except ImportError:
    print('cloudformation-validate is not installed (pip install cloudformation-validate)', file=sys.stderr)
    sys.exit(2)

engine = CompositeEngine()  # expensive to build: one for all templates
args = sys.argv[1:]
verbose = '-v' in args
errors = 0
for path in (a for a in args if a != '-v'):
    report = engine.validate_template(path)
    counts = {}
    for d in report.diagnostics:
        severity = d.severity.name
        counts[severity] = counts.get(severity, 0) + 1
        if verbose or severity != 'INFO':
            print(f'{path}: [{severity}] {d.rule_id}: {d.message}')
    errors += counts.get('ERROR', 0) + counts.get('FATAL', 0)
    print(f'{path}: ' + (', '.join(f'{n} {s}' for s, n in sorted(counts.items())) or 'no diagnostics'))
sys.exit(1 if errors else 0)
