// What drives a running Laowu from outside, shared by the tests (unit specs included), the demo
// and the benchmarks, none of which may import another's folder: clients of the public APIs, the
// SSE streams and /metrics, the one wait helper, date fixtures, and job and worker events as their
// owner apps publish them. No app's code imports it.
export * from './api-client';
export * from './dates.fixtures';
export * from './event-data.fixtures';
export * from './prometheus';
export * from './sse-client';
export * from './wait';
