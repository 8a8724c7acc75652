'use strict';
// Custom::VpcRestrictDefaultSG — properties: DefaultSecurityGroupId, Account.
//
// A VPC's default security group cannot be deleted, and it starts with an ingress rule allowing all
// traffic from itself plus allow-all egress (0.0.0.0/0, and ::/0 in IPv6 VPCs). Anything launched
// without an explicit group lands in it, so we remove those rules (CIS AWS Foundations 5.4) and
// put them back when the resource goes away, leaving the VPC as CloudFormation would otherwise.
//
// The physical id records what we removed: `<group id>` or `<group id>+ipv6`. A change of group
// returns a new id, so CloudFormation restores the old group through an ordinary Delete
// (carrying the old id), also during rollbacks. Ids of the form `failed-…` (set by the
// entry point when Create failed) mean nothing was changed.
//
// The IAM role grants exactly ec2:{Authorize,Revoke}SecurityGroup{Ingress,Egress} on this group.
// The AWS SDK v3 comes with Lambda's Node.js runtime; nothing is bundled.
const {
  EC2Client,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} = require('@aws-sdk/client-ec2');

const ec2 = new EC2Client({});
const IPV6 = '+ipv6';

// The default rules, one per call so that a missing one does not hide the others.
const selfIngress = (group, account) => ({
  GroupId: group,
  IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: group, UserId: account }] }],
});
const egressV4 = (group) => ({ GroupId: group, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
const egressV6 = (group) => ({ GroupId: group, IpPermissions: [{ IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] });

exports.handler = async (event) => {
  const { DefaultSecurityGroupId: group, Account: account } = event.ResourceProperties;
  switch (event.RequestType) {
    case 'Create':
      return { PhysicalResourceId: await restrict(group, account) };
    case 'Update':
      // Same group: already restricted; keep the id (and the record of what to restore).
      if (event.OldResourceProperties.DefaultSecurityGroupId === group) return {};
      return { PhysicalResourceId: await restrict(group, account) };
    case 'Delete':
      return restore(event.PhysicalResourceId, account);
    default:
      throw new Error(`unknown request type ${event.RequestType}`);
  }
};

// Revoke the defaults; a rule that is already gone is fine (retries, hand edits, IPv4-only VPCs).
async function restrict(group, account) {
  await ignoring('InvalidPermission.NotFound', new RevokeSecurityGroupIngressCommand(selfIngress(group, account)));
  await ignoring('InvalidPermission.NotFound', new RevokeSecurityGroupEgressCommand(egressV4(group)));
  const hadV6 = await ignoring('InvalidPermission.NotFound', new RevokeSecurityGroupEgressCommand(egressV6(group)));
  return hadV6 ? group + IPV6 : group;
}

// Re-add the defaults; a rule that is already there is fine (Delete may be retried).
async function restore(physicalId, account) {
  if (!physicalId || !physicalId.startsWith('sg-')) return {};
  const group = physicalId.replace(IPV6, '');
  try {
    await ignoring('InvalidPermission.Duplicate', new AuthorizeSecurityGroupIngressCommand(selfIngress(group, account)));
    await ignoring('InvalidPermission.Duplicate', new AuthorizeSecurityGroupEgressCommand(egressV4(group)));
    if (physicalId.endsWith(IPV6)) {
      await ignoring('InvalidPermission.Duplicate', new AuthorizeSecurityGroupEgressCommand(egressV6(group)));
    }
  } catch (err) {
    // The group (and its VPC) may already be gone, e.g. removed by hand: nothing left to restore.
    if (err.name !== 'InvalidGroup.NotFound') throw err;
  }
  return {};
}

// Send a command; true if it succeeded, false if it failed with the given (expected) error code.
async function ignoring(code, command) {
  try {
    await ec2.send(command);
    return true;
  } catch (err) {
    if (err.name === code || err.Code === code) return false;
    throw err;
  }
}
