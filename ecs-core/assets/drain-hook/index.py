# ECS drain hook (handler index.lambda_handler, env CLUSTER).
# Auto Scaling holds a terminating instance (lifecycle hook, delivered through SNS) until we
# complete the action. Meanwhile: mark the container instance DRAINING so ECS moves its tasks
# elsewhere, wait until none run, then let termination CONTINUE.
# Inlined as Code.ZipFile: keep it under 4096 bytes.
import json
import os
import time

import boto3

ecs = boto3.client('ecs')
autoscaling = boto3.client('autoscaling')
POLL_S = 10
# Stop waiting this long before the Lambda timeout, to still complete the action.
RESERVE_MS = 20000


def lambda_handler(event, context):
    cluster = os.environ['CLUSTER']
    for record in event.get('Records', []):
        msg = json.loads(record['Sns']['Message'])
        # Also sent: autoscaling:TEST_NOTIFICATION when the hook is created.
        if msg.get('LifecycleTransition') != 'autoscaling:EC2_INSTANCE_TERMINATING':
            print('ignored:', msg.get('Event'))
            continue
        drain(cluster, msg, context)


def drain(cluster, msg, context):
    instance = msg['EC2InstanceId']
    arns = ecs.list_container_instances(
        cluster=cluster, filter='ec2InstanceId==' + instance)['containerInstanceArns']
    if arns:  # absent if the instance never joined the cluster
        ecs.update_container_instances_state(
            cluster=cluster, containerInstances=arns, status='DRAINING')
        while busy(cluster, arns[0]):
            if context.get_remaining_time_in_millis() < RESERVE_MS + POLL_S * 1000:
                # No more time: the hook would time out to CONTINUE anyway.
                print('tasks still running on', instance)
                break
            time.sleep(POLL_S)
    try:
        autoscaling.complete_lifecycle_action(
            LifecycleHookName=msg['LifecycleHookName'],
            AutoScalingGroupName=msg['AutoScalingGroupName'],
            LifecycleActionToken=msg['LifecycleActionToken'],
            LifecycleActionResult='CONTINUE')
        print('continue terminating', instance)
    except autoscaling.exceptions.ClientError as e:
        # Already completed or timed out (e.g. a redelivered message): nothing to do.
        print('complete_lifecycle_action:', e)


def busy(cluster, arn):
    # Stopping tasks have desiredStatus STOPPED but are still running: check lastStatus of both.
    tasks = []
    for desired in ('RUNNING', 'STOPPED'):
        pages = ecs.get_paginator('list_tasks').paginate(
            cluster=cluster, containerInstance=arn, desiredStatus=desired)
        for page in pages:
            tasks += page['taskArns']
    for i in range(0, len(tasks), 100):  # describe_tasks takes at most 100
        for t in ecs.describe_tasks(cluster=cluster, tasks=tasks[i:i + 100])['tasks']:
            if t['lastStatus'] != 'STOPPED':
                return True
    return False
