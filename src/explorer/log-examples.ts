// Explorer examples for the network, data-access and load-balancer logs, on the same 7-day window as
// the CloudTrail examples. Filters travel as variables, so they are edited as JSON.
import type { ExampleOperation } from './explorer.plugin';

const DAY_MS = 24 * 60 * 60 * 1000;

export function logExampleOperations(now: Date): ExampleOperation[] {
  const window = { from: new Date(now.getTime() - 7 * DAY_MS).toISOString(), to: now.toISOString() };
  return [
    {
      title: 'Rejected flows by source and port',
      query: `query RejectedFlows($window: TimeWindow!, $filter: VpcFlowFilter) {
  vpcFlowCounts(window: $window, filter: $filter, groupBy: [SRC_ADDR, DST_PORT], top: 20) {
    groups { keys count }
    stats { engine filesRead malformedRecords elapsedMs }
  }
}
`,
      variables: { window, filter: { actions: ['REJECT'] } },
    },
    {
      title: 'S3 requests denied',
      query: `query S3Denied($window: TimeWindow!, $filter: S3AccessFilter) {
  s3AccessRequests(window: $window, filter: $filter, first: 20) {
    totalCount
    edges { node { requestTime bucketName operation key requester remoteIp httpStatus errorCode userAgent sourceFile } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
      variables: { window, filter: { httpStatuses: [403] } },
    },
    {
      title: 'ALB requests below TLS 1.2',
      query: `query WeakTls($window: TimeWindow!, $filter: AlbFilter) {
  albCounts(window: $window, filter: $filter, groupBy: [CLIENT_IP, SSL_PROTOCOL, DOMAIN], top: 20) {
    groups { keys count }
    stats { engine filesRead malformedRecords elapsedMs }
  }
}
`,
      variables: { window, filter: { sslProtocols: ['TLSv1', 'TLSv1.1'] } },
    },
  ];
}
