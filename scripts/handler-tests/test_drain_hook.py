#!/usr/bin/env python3
"""Offline test of ecs-core/assets/drain-hook/index.py with stubbed boto3 clients."""
import json
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, '..', '..', 'ecs-core', 'assets', 'drain-hook', 'index.py')
calls = []


class ClientError(Exception):
    pass


class FakeEcs:
    def __init__(self):
        self.polls = 0  # tasks stop after two polls

    def list_container_instances(self, **kw):
        calls.append(('list_container_instances', kw))
        return {'containerInstanceArns': ['arn:ci/1'] if kw['filter'] == 'ec2InstanceId==i-1' else []}

    def update_container_instances_state(self, **kw):
        calls.append(('update_container_instances_state', kw))

    def get_paginator(self, name):
        assert name == 'list_tasks'
        outer = self

        class P:
            def paginate(self, **kw):
                calls.append(('list_tasks', kw))
                return [{'taskArns': ['arn:task/1'] if kw['desiredStatus'] == 'STOPPED' else []}]
        return P()

    def describe_tasks(self, **kw):
        calls.append(('describe_tasks', kw))
        self.polls += 1
        return {'tasks': [{'lastStatus': 'RUNNING' if self.polls <= 2 else 'STOPPED'}]}


class FakeAutoscaling:
    exceptions = types.SimpleNamespace(ClientError=ClientError)
    fail = False

    def complete_lifecycle_action(self, **kw):
        calls.append(('complete_lifecycle_action', kw))
        if self.fail:
            raise ClientError('No active Lifecycle Action found')


class Context:
    def __init__(self, ms):
        self.ms = ms

    def get_remaining_time_in_millis(self):
        return self.ms


fake_ecs, fake_as = FakeEcs(), FakeAutoscaling()
sys.modules['boto3'] = types.SimpleNamespace(client=lambda name: {'ecs': fake_ecs, 'autoscaling': fake_as}[name])
os.environ['CLUSTER'] = 'my-cluster'
ns = {}
exec(compile(open(SRC).read(), SRC, 'exec'), ns)
ns['time'].sleep = lambda s: calls.append(('sleep', s))


def sns(msg):
    return {'Records': [{'Sns': {'TopicArn': 'arn:topic', 'Message': json.dumps(msg)}}]}


hook = {'LifecycleTransition': 'autoscaling:EC2_INSTANCE_TERMINATING', 'EC2InstanceId': 'i-1',
        'LifecycleHookName': 'h', 'AutoScalingGroupName': 'asg', 'LifecycleActionToken': 'tok'}

# 1. drains, waits for the task to stop, completes with CONTINUE
ns['lambda_handler'](sns(hook), Context(300000))
names = [c[0] for c in calls]
assert names.count('sleep') == 2, names
assert calls[1] == ('update_container_instances_state', {'cluster': 'my-cluster', 'containerInstances': ['arn:ci/1'], 'status': 'DRAINING'})
assert calls[-1] == ('complete_lifecycle_action', {'LifecycleHookName': 'h', 'AutoScalingGroupName': 'asg', 'LifecycleActionToken': 'tok', 'LifecycleActionResult': 'CONTINUE'}), calls[-1]

# 2. out of time: no sleep, still completes
calls.clear(); fake_ecs.polls = 0
ns['lambda_handler'](sns(hook), Context(25000))
assert 'sleep' not in [c[0] for c in calls] and calls[-1][0] == 'complete_lifecycle_action', calls

# 3. instance never registered: completes without draining; an already-completed action is not an error
calls.clear(); fake_as.fail = True
ns['lambda_handler'](sns(dict(hook, EC2InstanceId='i-2')), Context(300000))
assert [c[0] for c in calls] == ['list_container_instances', 'complete_lifecycle_action'], calls

# 4. test notification: ignored
calls.clear()
ns['lambda_handler'](sns({'Event': 'autoscaling:TEST_NOTIFICATION'}), Context(300000))
assert calls == [], calls

assert os.path.getsize(SRC) < 4096, 'drain hook must stay under 4096 bytes (Code.ZipFile)'
print('drain hook: ok')
