import type { ExampleOperation } from './explorer.plugin';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Ready-to-run operations preloaded as explorer tabs. Filters travel as variables rather than inline
 * literals so that an auditor adapts an example by editing JSON instead of GraphQL syntax.
 * Every name used here is fixed by the API contract (docs: shared/design/api-contract.md).
 */
export function exampleOperations(now: Date): ExampleOperation[] {
  // toISOString always ends in Z, which the DateTime scalar accepts whatever the server's zone.
  const window = {
    from: new Date(now.getTime() - 7 * DAY_MS).toISOString(),
    to: now.toISOString(),
  };

  return [
    {
      title: 'Recent CloudTrail events',
      query: `query RecentEvents($window: TimeWindow!) {
  cloudTrailEvents(window: $window, first: 20) {
    totalCount
    edges {
      cursor
      node {
        eventTime
        eventName
        eventSource
        awsRegion
        sourceIpAddress
        errorCode
        userIdentity { type arn userName accessKeyId }
      }
    }
    pageInfo { hasNextPage endCursor }
    stats { engine filesRead bytesScanned rowsMatched malformedRecords malformedFiles elapsedMs }
  }
}
`,
      variables: { window },
    },
    {
      title: 'Top API calls by principal',
      query: `query TopApiCallsByPrincipal($window: TimeWindow!) {
  cloudTrailCounts(window: $window, groupBy: [PRINCIPAL_ARN, EVENT_NAME], top: 20) {
    groups { keys count }
    stats { engine elapsedMs sql }
  }
}
`,
      variables: { window },
    },
    {
      title: 'Console sign-ins',
      query: `query ConsoleSignIns($window: TimeWindow!, $filter: CloudTrailFilter!) {
  cloudTrailEvents(window: $window, filter: $filter, first: 50) {
    totalCount
    edges {
      node {
        eventTime
        sourceIpAddress
        errorCode
        userIdentity { type arn }
        additionalEventData
        responseElements
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
      variables: { window, filter: { eventNames: ['ConsoleLogin'] } },
    },
    {
      title: 'Access denied',
      query: `query AccessDenied($window: TimeWindow!, $filter: CloudTrailFilter!) {
  cloudTrailCounts(window: $window, filter: $filter, groupBy: [PRINCIPAL_ARN, SOURCE_IP], top: 20) {
    groups { keys count }
    stats { engine elapsedMs sql }
  }
}
`,
      variables: { window, filter: { errorCode: 'AccessDenied' } },
    },
    {
      title: 'Activity from a CIDR',
      // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): replace it with the range under investigation.
      query: `query ActivityFromCidr($window: TimeWindow!, $filter: CloudTrailFilter!) {
  cloudTrailEvents(window: $window, filter: $filter, first: 50) {
    totalCount
    edges {
      node {
        eventTime
        eventName
        eventSource
        sourceIpAddress
        userAgent
        errorCode
        userIdentity { arn accessKeyId }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
      variables: { window, filter: { sourceIp: '203.0.113.0/24' } },
    },
  ];
}
