/** The console's own routes (not API URLs): one entry per screen. */
export const paths = {
  programs: { path: '/', href: () => '/' },
  /** Every step waiting for a decision the signed-in user may make, across programs. */
  waiting: { path: '/waiting', href: () => '/waiting' },
  overview: { path: '/program/:programId', href: (programId: string) => `/program/${programId}` },
  activity: { path: '/program/:programId/activity', href: (programId: string) => `/program/${programId}/activity` },
  pipelines: { path: '/program/:programId/pipelines', href: (programId: string) => `/program/${programId}/pipelines` },
  repositories: { path: '/program/:programId/repositories', href: (programId: string) => `/program/${programId}/repositories` },
  /** Reports → Experience Audit (the one report so far). */
  reports: { path: '/program/:programId/reports', href: (programId: string) => `/program/${programId}/reports` },
  environments: { path: '/program/:programId/environments', href: (programId: string) => `/program/${programId}/environments` },
  environment: {
    path: '/program/:programId/environment/:environmentId',
    href: (programId: string, environmentId: string) => `/program/${programId}/environment/${environmentId}`,
  },
  /** Deploy to Production before a run: the pipeline's current execution, or "Not started" with Build. */
  deploy: {
    path: '/program/:programId/pipeline/:pipelineId',
    href: (programId: string, pipelineId: string) => `/program/${programId}/pipeline/${pipelineId}`,
  },
  execution: {
    path: '/program/:programId/pipeline/:pipelineId/execution/:executionId',
    href: (programId: string, pipelineId: string, executionId: string) =>
      `/program/${programId}/pipeline/${pipelineId}/execution/${executionId}`,
  },
} as const;
