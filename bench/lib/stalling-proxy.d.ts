/** One client connection through the proxy, with what its Postgres startup message said. */
export interface ProxiedConnection {
  readonly applicationName: string | null;
  readonly stalled: boolean;
}

export declare class StallingProxy {
  constructor(targetHost: string, targetPort: number);
  port: number;
  start(): Promise<void>;
  through(url: string): string;
  connections(): ProxiedConnection[];
  stall(which: (c: ProxiedConnection) => boolean): number;
  drop(which: (c: ProxiedConnection) => boolean): number;
  release(): void;
  close(): Promise<void>;
}
