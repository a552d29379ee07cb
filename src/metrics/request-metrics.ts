import { Counter, Histogram, type Registry } from 'prom-client';
import type { RequestObserver } from '../common/logger.js';

/** Request duration buckets, seconds: the session route answers in well under a millisecond when cached. */
export const REQUEST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Labels = { method: string; route: string; surface: string; status: string };

/** Counts of one route and status, kept in plain numbers: the request path does no label hashing. */
class Series {
  count = 0;
  sum = 0;
  readonly buckets = new Float64Array(REQUEST_BUCKETS.length);

  constructor(readonly labels: Labels) {}

  observe(seconds: number): void {
    this.count++;
    this.sum += seconds;
    for (let i = 0; i < REQUEST_BUCKETS.length; i++) {
      if (seconds <= REQUEST_BUCKETS[i]) {
        this.buckets[i]++;
        return;
      }
    }
  }
}

/** One matched route: its surface (decided once) and one series per method and status. */
class RouteState {
  readonly byStatus = new Map<number, Series>();
  constructor(
    readonly route: string,
    readonly surface: string,
  ) {}
}

const UNMATCHED = '(unmatched)';

/**
 * Requests per route pattern, method, surface and status, with their latency: a prom-client histogram
 * and counter whose values are computed at scrape time from per-route accumulators. A request costs a
 * WeakMap lookup, a Map lookup and a few additions; label objects exist once per series.
 */
export class RequestMetrics implements RequestObserver {
  private readonly routes = new WeakMap<object, RouteState>();
  private readonly series: Series[] = [];
  private readonly unmatched = new Map<string, RouteState>();

  constructor(
    registry: Registry,
    private readonly surfaceOfPath: (path: string) => string,
  ) {
    const all = () => this.series;
    // get() is overridden: prom-client formats what these return and never sees the request path.
    registry.registerMetric(
      new (class extends Histogram<keyof Labels> {
        // The registry prefers this (untyped) method of prom-client's Histogram to get(): the same answer.
        getForPromString = () => this.get();
        override async get() {
          return {
            name: 'session_service_http_request_duration_seconds',
            help: 'HTTP request latency (seconds) by method, route pattern, surface and status; _count is the request count',
            type: 'histogram' as never,
            aggregator: 'sum' as const,
            collect: () => undefined,
            values: all().flatMap((s) => [
              ...REQUEST_BUCKETS.map((le, i) => ({
                metricName: 'session_service_http_request_duration_seconds_bucket',
                labels: { ...s.labels, le },
                value: s.buckets.subarray(0, i + 1).reduce((a, b) => a + b, 0),
              })),
              { metricName: 'session_service_http_request_duration_seconds_bucket', labels: { ...s.labels, le: '+Inf' }, value: s.count },
              { metricName: 'session_service_http_request_duration_seconds_sum', labels: s.labels, value: s.sum },
              { metricName: 'session_service_http_request_duration_seconds_count', labels: s.labels, value: s.count },
            ]),
          };
        }
      })({ name: 'session_service_http_request_duration_seconds', help: '-', labelNames: ['method', 'route', 'surface', 'status'], registers: [] }),
    );
    registry.registerMetric(
      new (class extends Counter<keyof Labels> {
        override async get() {
          return {
            name: 'session_service_http_requests_total',
            help: 'HTTP requests answered, by method, route pattern, surface and status',
            type: 'counter' as never,
            aggregator: 'sum' as const,
            collect: () => undefined,
            values: all().map((s) => ({ labels: s.labels, value: s.count })),
          };
        }
      })({ name: 'session_service_http_requests_total', help: '-', labelNames: ['method', 'route', 'surface', 'status'], registers: [] }),
    );
  }

  finished(routeKey: object | undefined, route: string | undefined, method: string, url: string, status: number, durationMs: number): string {
    const state = route !== undefined && routeKey !== undefined ? this.routeState(routeKey, route, url) : this.unmatchedState(method, url);
    let series = state.byStatus.get(status);
    if (series === undefined) series = this.addSeries(state, method, status);
    series.observe(durationMs / 1000);
    return state.surface;
  }

  /** A route's surface comes from its first request's path (the dialect registry matches paths, prefixes included). */
  private routeState(routeKey: object, route: string, url: string): RouteState {
    let state = this.routes.get(routeKey);
    if (state === undefined) {
      state = new RouteState(route, this.surfaceOfPath(url));
      this.routes.set(routeKey, state);
    }
    return state;
  }

  /** No route: one state per surface and method, so a client's arbitrary paths never become labels. */
  private unmatchedState(method: string, url: string): RouteState {
    const surface = this.surfaceOfPath(url);
    const key = `${surface} ${method}`;
    let state = this.unmatched.get(key);
    if (state === undefined) {
      state = new RouteState(UNMATCHED, surface);
      this.unmatched.set(key, state);
    }
    return state;
  }

  private addSeries(state: RouteState, method: string, status: number): Series {
    const series = new Series({ method, route: state.route, surface: state.surface, status: String(status) });
    state.byStatus.set(status, series);
    this.series.push(series);
    return series;
  }
}
