// What drives a running Laowu from outside, shared by the tests, the demo and the benchmarks
// (none of which may import another's folder): clients of the public APIs, the SSE streams and
// /metrics. No app imports it.
export * from './api-client';
export * from './prometheus';
export * from './sse-client';
