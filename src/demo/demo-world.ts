/**
 * The fixed cast of the demo archive: accounts, regions, people, roles, keys, addresses and resources.
 *
 * Every demo log generator (CloudTrail now; VPC Flow, S3 access and ALB later) draws from these
 * constants, so that a cross-log query (everything one IP or one access key did) finds the same
 * actors in every log. Addresses come from the documentation ranges (RFC 5737, RFC 3849) and private
 * VPC space, so nothing here points at a real host; account ids and key ids are made up.
 */

export const DEMO_ORG_ID = 'o-rpyz21tbic';

export const DEMO_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type DemoRegion = (typeof DEMO_REGIONS)[number];
/** Global services (IAM, STS global endpoint, sign-in) log in this region. */
export const HOME_REGION: DemoRegion = 'us-east-1';

export type Environment = 'production' | 'staging' | 'security';

export interface DemoAccount {
  readonly id: string;
  readonly name: string;
  readonly environment: Environment;
  /** Logs delivered under AWSLogs/<org id>/<account>/ (an organisation trail) rather than AWSLogs/<account>/. */
  readonly organisationTrail: boolean;
  readonly trailName: string;
  readonly vpcCidr: string;
}

export const DEMO_ACCOUNT_IDS = {
  production: '679701687731',
  staging: '322817180023',
  security: '904248611148',
} as const;

/** An account outside the organisation that reads a shared bucket (identities without an arn). */
export const DEMO_PARTNER_ACCOUNT_ID = '936439008474';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: DEMO_ACCOUNT_IDS.production,
    name: 'examplecorp-production',
    environment: 'production',
    organisationTrail: false,
    trailName: 'management-events',
    vpcCidr: '10.0.0.0/16',
  },
  {
    id: DEMO_ACCOUNT_IDS.staging,
    name: 'examplecorp-staging',
    environment: 'staging',
    organisationTrail: true,
    trailName: 'examplecorp-org-trail',
    vpcCidr: '10.1.0.0/16',
  },
  {
    id: DEMO_ACCOUNT_IDS.security,
    name: 'examplecorp-security',
    environment: 'security',
    organisationTrail: false,
    trailName: 'management-events',
    vpcCidr: '10.2.0.0/16',
  },
];

export const DEMO_PRODUCTION_ACCOUNT_IDS: readonly string[] = DEMO_ACCOUNTS.filter(
  (a) => a.environment === 'production',
).map((a) => a.id);

/** The Log Archive bucket the archive folder stands in for (named in digest files). */
export const DEMO_LOG_ARCHIVE_BUCKET = `examplecorp-log-archive-${DEMO_ACCOUNT_IDS.security}`;

export const DEMO_IPS = {
  aliceOffice: '198.51.100.10',
  bobOffice: '198.51.100.11',
  carolOffice: '198.51.100.12',
  daveOffice: '198.51.100.13',
  backupServer: '198.51.100.50',
  bobHome: '203.0.113.25',
  ciRunner: '192.0.2.44',
  pipelineRunner: '192.0.2.45',
  siemCollector: '192.0.2.60',
  /** Uses svc-reporting's leaked long-lived key: mostly denied calls. */
  leakedKeyUser: '203.0.113.66',
  /** Guesses console passwords. */
  bruteForcer: '192.0.2.77',
  partner: '203.0.113.140',
  aliceIpv6: '2001:db8:85a3::8a2e:370:7334',
  carolIpv6: '2001:db8:1234:5678::1c',
  prodAppServer: '10.0.1.23',
  prodOrderLambda: '10.0.2.45',
  prodRetentionLambda: '10.0.2.46',
  stagingAppServer: '10.1.1.17',
  stagingReporting: '10.1.2.30',
  securityTools: '10.2.1.9',
} as const;

/** All fixed addresses, for generators that need "some known address". */
export const DEMO_IP_LIST: readonly string[] = Object.values(DEMO_IPS);

/**
 * Bob's travel address changes every day, so that "principal acting from a new IP" always has an
 * answer whatever window an auditor picks. Other logs call this with the same day to agree.
 */
export function roamingIpForDay(epochDay: number): string {
  return `192.0.2.${100 + (((epochDay % 100) + 100) % 100)}`;
}

export interface DemoRole {
  readonly key: string;
  readonly accountId: string;
  readonly name: string;
  /** IAM path, e.g. "/" or "/aws-reserved/sso.amazonaws.com/". */
  readonly path: string;
  readonly roleId: string;
  readonly arn: string;
  /** True for roles that carry administrator rights. */
  readonly admin: boolean;
}

function role(key: string, accountId: string, name: string, roleId: string, admin: boolean, path = '/'): DemoRole {
  return { key, accountId, name, path, roleId, arn: `arn:aws:iam::${accountId}:role${path}${name}`, admin };
}

const P = DEMO_ACCOUNT_IDS.production;
const S = DEMO_ACCOUNT_IDS.staging;
const SEC = DEMO_ACCOUNT_IDS.security;

export const DEMO_ROLES = {
  prodAdmin: role('prodAdmin', P, 'Admin', 'AROAFE6QEQPNO57YE6SCM', true),
  stagingAdmin: role('stagingAdmin', S, 'Admin', 'AROAEJVQTIA6D7RGN7SS5', true),
  prodPipeline: role('prodPipeline', P, 'terraform-pipeline', 'AROA55HMTF6BS5E4RYNNE', true),
  stagingPipeline: role('stagingPipeline', S, 'terraform-pipeline', 'AROAFJQXIRHXO77ZBKA74', true),
  securityPipeline: role('securityPipeline', SEC, 'terraform-pipeline', 'AROA4QAVSYEEFNPAXX5I6', true),
  prodAppServer: role('prodAppServer', P, 'app-server', 'AROAZTJ2WYUHVAUVZHMAS', false),
  stagingAppServer: role('stagingAppServer', S, 'app-server', 'AROAQXEZYEX3RDRGDSJPR', false),
  prodOrderProcessor: role('prodOrderProcessor', P, 'order-processor', 'AROA3UMX3BZNFD24IS7DI', false),
  prodDataRetention: role('prodDataRetention', P, 'data-retention', 'AROAK62VSTQQZPT6ZHKKE', false),
  securityAudit: role('securityAudit', SEC, 'SecurityAudit', 'AROAN7O4V43IMPFLVFUPX', false),
  prodSsoAdmin: role(
    'prodSsoAdmin',
    P,
    'AWSReservedSSO_AdministratorAccess_6fd287db7f1adbc6',
    'AROAQMB2Y2NYRVD7RXINF',
    true,
    '/aws-reserved/sso.amazonaws.com/',
  ),
  securityConfig: role(
    'securityConfig',
    SEC,
    'AWSServiceRoleForConfig',
    'AROAIYLJTOPMKMY6F2DGG',
    false,
    '/aws-service-role/config.amazonaws.com/',
  ),
  prodConfig: role(
    'prodConfig',
    P,
    'AWSServiceRoleForConfig',
    'AROACQPZQ27SLEIO6ERNN',
    false,
    '/aws-service-role/config.amazonaws.com/',
  ),
} as const satisfies Record<string, DemoRole>;

export type DemoRoleKey = keyof typeof DEMO_ROLES;

/** Role names that mark infrastructure-pipeline changes (for changes-outside-pipeline). */
export const DEMO_PIPELINE_ROLE_PATTERN = 'terraform-pipeline';
/** Role names that carry administrator rights (for admin-access-without-mfa). */
export const DEMO_ADMIN_ROLE_PATTERN = 'Admin';

export type PrincipalType = 'IAMUser' | 'AssumedRole' | 'Root';

export interface DemoPrincipal {
  readonly key: string;
  readonly type: PrincipalType;
  readonly accountId: string;
  readonly arn: string;
  /** AIDA… for users, AROA…:session for role sessions, the account id for root. */
  readonly principalId: string;
  readonly userName?: string;
  readonly role?: DemoRole;
  readonly sessionName?: string;
  /** Long-lived IAM user key (AKIA…), the finding behind long-lived-access-key-use. */
  readonly longLivedKeyId?: string;
  /** Temporary credentials (ASIA…): a console session for users and root, STS credentials for roles. */
  readonly sessionKeyId?: string;
  /** Whether this principal's sessions were authenticated with MFA. */
  readonly mfa: boolean;
  /** As CloudTrail records them: addresses, or a service name for service-linked roles. */
  readonly sourceIps: readonly string[];
  readonly userAgent: string;
  readonly description: string;
}

export const USER_AGENTS = {
  firefox: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
  chrome:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.65',
  console: 'AWS Internal',
  cli: 'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off',
  boto3:
    'Boto3/1.34.50 md/Botocore#1.34.50 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.50',
  javaSdk:
    'aws-sdk-java/2.25.16 Linux/5.10.210-201.852.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy',
  legacyJavaSdk: 'aws-sdk-java/1.10.77 Linux/2.6.32-754.el6.x86_64 Java_HotSpot(TM)_64-Bit_Server_VM/24.80-b11/1.7.0_80',
  nodeSdk: 'aws-sdk-nodejs/2.1589.0 linux/v20.11.1 exec-env/AWS_Lambda_nodejs20.x promise',
  terraform:
    'APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.150.1',
  goSdk: 'aws-sdk-go/1.50.30 (go1.21.8; linux; amd64)',
  python: 'python-requests/2.31.0',
} as const;

function user(
  key: string,
  accountId: string,
  userName: string,
  principalId: string,
  keys: { longLived?: string; session?: string },
  mfa: boolean,
  sourceIps: readonly string[],
  userAgent: string,
  description: string,
): DemoPrincipal {
  return {
    key,
    type: 'IAMUser',
    accountId,
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    principalId,
    userName,
    ...(keys.longLived === undefined ? {} : { longLivedKeyId: keys.longLived }),
    ...(keys.session === undefined ? {} : { sessionKeyId: keys.session }),
    mfa,
    sourceIps,
    userAgent,
    description,
  };
}

function session(
  key: string,
  issuer: DemoRole,
  sessionName: string,
  sessionKeyId: string,
  mfa: boolean,
  sourceIps: readonly string[],
  userAgent: string,
  description: string,
): DemoPrincipal {
  return {
    key,
    type: 'AssumedRole',
    accountId: issuer.accountId,
    arn: `arn:aws:sts::${issuer.accountId}:assumed-role/${issuer.name}/${sessionName}`,
    principalId: `${issuer.roleId}:${sessionName}`,
    role: issuer,
    sessionName,
    sessionKeyId,
    mfa,
    sourceIps,
    userAgent,
    description,
  };
}

function root(key: string, accountId: string, sessionKeyId: string, sourceIps: readonly string[]): DemoPrincipal {
  return {
    key,
    type: 'Root',
    accountId,
    arn: `arn:aws:iam::${accountId}:root`,
    principalId: accountId,
    sessionKeyId,
    mfa: true,
    sourceIps,
    userAgent: USER_AGENTS.chrome,
    description: 'the account root user',
  };
}

const R = DEMO_ROLES;

export const DEMO_PRINCIPAL = {
  alice: user('alice', P, 'alice.nguyen', 'AIDARDL3ERBFQFOEQH5AV', { session: 'ASIAK4ZRI3R2WYOJFLJO' }, true,
    [DEMO_IPS.aliceOffice, DEMO_IPS.aliceIpv6], USER_AGENTS.firefox, 'platform lead, console with MFA'),
  bob: user('bob', P, 'bob.martin', 'AIDA2RICPHKQDLMTTNS4L',
    { longLived: 'AKIAUJZDEGXDNCF32EPF', session: 'ASIAOA7LQSAJ2XUID5ZZ' }, false,
    [DEMO_IPS.bobOffice, DEMO_IPS.bobHome], USER_AGENTS.cli, 'developer, console without MFA, long-lived CLI key'),
  ciDeployer: user('ciDeployer', P, 'ci-deployer', 'AIDARWBQCABM6P4G37ZTN', { longLived: 'AKIA3DHODZDOCIS2JHTL' }, false,
    [DEMO_IPS.ciRunner], USER_AGENTS.goSdk, 'legacy CI user with a long-lived key'),
  backupAgent: user('backupAgent', P, 'backup-agent', 'AIDAOVMIZWDIAEQ3KDFYS', { longLived: 'AKIAGMXGEDN73U55XTPL' }, false,
    [DEMO_IPS.backupServer], USER_AGENTS.legacyJavaSdk, 'on-premises backup job, old SDK that still speaks TLS 1.0/1.1'),
  carol: user('carol', S, 'carol.diaz', 'AIDAPSC5LKR4AQXVUPCTN',
    { longLived: 'AKIAPFT7V4SEH2KVJ72C', session: 'ASIAZZG6ZDMEN4KHVDGA' }, true,
    [DEMO_IPS.carolOffice, DEMO_IPS.carolIpv6], USER_AGENTS.chrome, 'staging engineer, console with MFA'),
  svcReporting: user('svcReporting', S, 'svc-reporting', 'AIDAWLAVYF6RMPAFQFJZC', { longLived: 'AKIAEUVW75EFR6EDT4SY' }, false,
    [DEMO_IPS.stagingReporting], USER_AGENTS.boto3, 'reporting service user whose key has leaked'),
  dave: user('dave', SEC, 'dave.okafor', 'AIDAZBTTOFJYU7JSJC3IB', { session: 'ASIAJGXBENYJQWX6HH75' }, true,
    [DEMO_IPS.daveOffice], USER_AGENTS.edge, 'security analyst, console with MFA'),
  logShipper: user('logShipper', SEC, 'log-shipper', 'AIDAOFBCIXGY4DBP7QA5E', { longLived: 'AKIAWB5WKH7DNSIPZZ7F' }, false,
    [DEMO_IPS.siemCollector], USER_AGENTS.javaSdk, 'SIEM collector reading the log archive'),

  aliceProdAdmin: session('aliceProdAdmin', R.prodAdmin, 'alice.nguyen', 'ASIA66TFJGVQ6KBNXJBT', true,
    [DEMO_IPS.aliceOffice], USER_AGENTS.console, 'alice in the production Admin role, with MFA'),
  bobProdAdmin: session('bobProdAdmin', R.prodAdmin, 'bob.martin', 'ASIAFQXKWOVOMPZOM7WB', false,
    [DEMO_IPS.bobOffice, DEMO_IPS.bobHome], USER_AGENTS.cli, 'bob in the production Admin role, without MFA'),
  carolStagingAdmin: session('carolStagingAdmin', R.stagingAdmin, 'carol.diaz', 'ASIABR6QMW4WXFOGO6MV', true,
    [DEMO_IPS.carolOffice], USER_AGENTS.console, 'carol in the staging Admin role'),
  prodPipeline: session('prodPipeline', R.prodPipeline, 'GitHubActions', 'ASIAN6A6WFHYM6L3VFZ5', false,
    [DEMO_IPS.pipelineRunner], USER_AGENTS.terraform, 'infrastructure pipeline (GitHub OIDC) in production'),
  stagingPipeline: session('stagingPipeline', R.stagingPipeline, 'GitHubActions', 'ASIAZFKKIBJ5J6WJIBAG', false,
    [DEMO_IPS.pipelineRunner], USER_AGENTS.terraform, 'infrastructure pipeline in staging'),
  securityPipeline: session('securityPipeline', R.securityPipeline, 'GitHubActions', 'ASIA454ML6LG4TJFCZ4K', false,
    [DEMO_IPS.pipelineRunner], USER_AGENTS.terraform, 'infrastructure pipeline in the security account'),
  prodAppServer: session('prodAppServer', R.prodAppServer, 'i-0a1b2c3d4e5f67890', 'ASIAI3MNBQNSPUQ2IDW5', false,
    [DEMO_IPS.prodAppServer], USER_AGENTS.javaSdk, 'production EC2 instance profile'),
  stagingAppServer: session('stagingAppServer', R.stagingAppServer, 'i-0f9e8d7c6b5a43210', 'ASIA2IJB4LAJLJ6HDU6G', false,
    [DEMO_IPS.stagingAppServer], USER_AGENTS.javaSdk, 'staging EC2 instance profile'),
  prodOrderProcessor: session('prodOrderProcessor', R.prodOrderProcessor, 'order-processor', 'ASIADPMRCG4BE4UMR46P', false,
    [DEMO_IPS.prodOrderLambda], USER_AGENTS.nodeSdk, 'order-processing Lambda function'),
  prodDataRetention: session('prodDataRetention', R.prodDataRetention, 'data-retention', 'ASIAQM4I2HZ4UEP3ENTH', false,
    [DEMO_IPS.prodRetentionLambda], USER_AGENTS.nodeSdk, 'Lambda that deletes expired objects'),
  daveSecurityAudit: session('daveSecurityAudit', R.securityAudit, 'dave.okafor', 'ASIAJXJQI5OGZ7KOK3ZV', true,
    [DEMO_IPS.daveOffice], USER_AGENTS.console, 'dave in the SecurityAudit role'),
  aliceSsoAdmin: session('aliceSsoAdmin', R.prodSsoAdmin, 'alice.nguyen@example.com', 'ASIA2MWUFXBV54BYVSEH', true,
    [DEMO_IPS.aliceOffice, DEMO_IPS.aliceIpv6], USER_AGENTS.console, 'alice through IAM Identity Center'),
  securityConfig: session('securityConfig', R.securityConfig, 'AWSConfig-Describe', 'ASIAAEDCMPB5U4MOS7AF', false,
    ['config.amazonaws.com'], 'config.amazonaws.com', 'AWS Config recorder in the security account'),
  prodConfig: session('prodConfig', R.prodConfig, 'AWSConfig-Describe', 'ASIA5R2FQUOSBEGZGSYE', false,
    ['config.amazonaws.com'], 'config.amazonaws.com', 'AWS Config recorder in production'),

  prodRoot: root('prodRoot', P, 'ASIAOGFQRCLRI3QZJ7UF', [DEMO_IPS.aliceOffice]),
  stagingRoot: root('stagingRoot', S, 'ASIABANND6YZ2EMRVFTV', [DEMO_IPS.carolOffice]),
  securityRoot: root('securityRoot', SEC, 'ASIAA2HIPGAD57LM4MI2', [DEMO_IPS.daveOffice]),
} as const satisfies Record<string, DemoPrincipal>;

export type DemoPrincipalKey = keyof typeof DEMO_PRINCIPAL;

export const DEMO_PRINCIPALS: readonly DemoPrincipal[] = Object.values(DEMO_PRINCIPAL);

/** AWS services that act without an IAM principal of their own (userIdentity type AWSService, no arn). */
export const DEMO_AWS_SERVICES = [
  'config.amazonaws.com',
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'guardduty.amazonaws.com',
  'cloudtrail.amazonaws.com',
] as const;

export interface DemoBucket {
  readonly name: string;
  readonly accountId: string;
  readonly region: DemoRegion;
  readonly purpose: 'orders' | 'backups' | 'reports' | 'assets' | 'logs' | 'findings';
}

export const DEMO_BUCKETS: readonly DemoBucket[] = [
  { name: `examplecorp-prod-orders-${P}`, accountId: P, region: 'us-east-1', purpose: 'orders' },
  { name: `examplecorp-prod-backups-${P}`, accountId: P, region: 'us-east-1', purpose: 'backups' },
  { name: `examplecorp-prod-eu-orders-${P}`, accountId: P, region: 'eu-west-1', purpose: 'orders' },
  { name: `examplecorp-staging-reports-${S}`, accountId: S, region: 'us-east-1', purpose: 'reports' },
  { name: `examplecorp-staging-eu-assets-${S}`, accountId: S, region: 'eu-west-1', purpose: 'assets' },
  { name: DEMO_LOG_ARCHIVE_BUCKET, accountId: SEC, region: 'us-east-1', purpose: 'logs' },
  { name: `examplecorp-security-eu-findings-${SEC}`, accountId: SEC, region: 'eu-west-1', purpose: 'findings' },
];

export interface DemoNetwork {
  readonly accountId: string;
  readonly region: DemoRegion;
  readonly vpcId: string;
  readonly cidr: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly networkAclId: string;
  readonly routeTableId: string;
  readonly instanceIds: readonly string[];
  readonly eniIds: readonly string[];
}

export const DEMO_NETWORKS: readonly DemoNetwork[] = [
  net(P, 'us-east-1', 'vpc-0a11c3e5f7a9b1d3f', '10.0.0.0/17', 'sg-02b4ea410fb9102f2', ['i-0a1b2c3d4e5f67890', 'i-0c3d5e7f9a1b3c5d7']),
  net(P, 'eu-west-1', 'vpc-0b22d4f6a8c0e2a4b', '10.0.128.0/17', 'sg-09a422eb14ab2f2d0', ['i-0e5f7a9b1c3d5e7f9']),
  net(S, 'us-east-1', 'vpc-0c33e5a7b9d1f3b5c', '10.1.0.0/17', 'sg-0f0cc022238daceee', ['i-0f9e8d7c6b5a43210']),
  net(S, 'eu-west-1', 'vpc-0d44f6b8c0e2a4c6d', '10.1.128.0/17', 'sg-02092f073ff80b946', ['i-0a2c4e6a8c0e2a4c6']),
  net(SEC, 'us-east-1', 'vpc-0e55a7c9d1f3b5d7e', '10.2.0.0/17', 'sg-0d1e2f3a4b5c6d7e8', ['i-0b3d5f7b9d1f3b5d7']),
  net(SEC, 'eu-west-1', 'vpc-0f66b8d0e2a4c6e8f', '10.2.128.0/17', 'sg-0e2f3a4b5c6d7e8f9', ['i-0c4e6a8c0e2a4c6e8']),
];

function net(
  accountId: string,
  region: DemoRegion,
  vpcId: string,
  cidr: string,
  sg: string,
  instanceIds: readonly string[],
): DemoNetwork {
  const tail = vpcId.slice(-8);
  return {
    accountId,
    region,
    vpcId,
    cidr,
    subnetIds: [`subnet-0a${tail}1234567`, `subnet-0b${tail}7654321`],
    securityGroupIds: [sg, `sg-0c${tail}8899aa`],
    networkAclId: `acl-0d${tail}5566ff`,
    routeTableId: `rtb-0e${tail}3344ee`,
    instanceIds,
    eniIds: instanceIds.map((id) => `eni-${id.slice(2)}`),
  };
}

export interface DemoKmsKey {
  readonly accountId: string;
  readonly region: DemoRegion;
  readonly keyId: string;
  readonly arn: string;
  readonly alias: string;
}

export const DEMO_KMS_KEYS: readonly DemoKmsKey[] = [
  kms(P, 'us-east-1', '44e9e4a5-11b4-4900-843e-3ef5bfbd7d14', 'orders'),
  kms(P, 'eu-west-1', '0f7a0443-3fc2-4908-b219-c1da69534048', 'orders-eu'),
  kms(S, 'us-east-1', '5e68b7ca-482e-4760-ad1e-f7bf0beddb07', 'reports'),
  kms(S, 'eu-west-1', '9b1d3f5a-7c9e-4b1d-a3f5-7c9e1b3d5f7a', 'assets-eu'),
  kms(SEC, 'us-east-1', '21af214a-f91a-4b8d-9279-b1e987efda6b', 'log-archive'),
  kms(SEC, 'eu-west-1', '3c5e7a9c-1e3a-4c5e-87a9-c1e3a5c7e9a1', 'findings-eu'),
];

function kms(accountId: string, region: DemoRegion, keyId: string, alias: string): DemoKmsKey {
  return { accountId, region, keyId, arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`, alias: `alias/${alias}` };
}

/** GuardDuty detector ids (32 hex digits): one per account and region, as GuardDuty requires. */
export function guardDutyDetectorId(accountId: string, region: string): string {
  return `4ac${accountId}${region === HOME_REGION ? '0e1' : '7b2'}f5d8a2b6c90e1d`;
}

export function accountById(accountId: string): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.id === accountId);
  if (found === undefined) throw new Error(`not a demo account: ${accountId}`);
  return found;
}

export function networkOf(accountId: string, region: string): DemoNetwork {
  const found = DEMO_NETWORKS.find((n) => n.accountId === accountId && n.region === region);
  if (found === undefined) throw new Error(`no demo network for ${accountId} ${region}`);
  return found;
}

export function kmsKeyOf(accountId: string, region: string): DemoKmsKey {
  const found = DEMO_KMS_KEYS.find((k) => k.accountId === accountId && k.region === region);
  if (found === undefined) throw new Error(`no demo KMS key for ${accountId} ${region}`);
  return found;
}

export function bucketsOf(accountId: string, region: string): readonly DemoBucket[] {
  return DEMO_BUCKETS.filter((b) => b.accountId === accountId && b.region === region);
}

export function bucketFor(accountId: string, region: string, purpose: DemoBucket['purpose']): DemoBucket {
  const found = DEMO_BUCKETS.find((b) => b.accountId === accountId && b.region === region && b.purpose === purpose);
  if (found === undefined) throw new Error(`no demo ${purpose} bucket in ${accountId} ${region}`);
  return found;
}
