export { HOST_CHANNELS, type HostChannel, type HostMethod } from './channels';
export { HOST_CONTRACT, HOST_METHODS, type HostReply, type HostRequest, type HostResult } from './contract';
export type * from './host-api';
export * from './schemas';
export { describeSchemaIssues } from './schema-issues';
