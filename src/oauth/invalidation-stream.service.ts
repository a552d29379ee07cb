import { Injectable, Logger, MessageEvent, OnModuleDestroy } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Observable, Subscriber } from 'rxjs';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { AppConfigService } from '../config/app-config.service.js';
import { Invalidation, InvalidationProof, SessionInvalidationService } from '../sessions/session-invalidation.service.js';

/** What a consumer is told; ids and kinds only, never a token or a hash. */
const KIND_NAMES = { s: 'session', u: 'user', a: 'account', c: 'api-key' } as const;

/** A resume point: every invalidation of an xid below `xmin` was delivered before the event that carried it. */
const resumeId = (proof: InvalidationProof) => `${proof.xmin}.${proof.atMs}`;
const RESUME_ID = /^(\d{1,20})\.(\d{1,15})$/;
/** Past this many rows a resume is a reset: the consumer empties its cache instead. */
const MAX_REPLAY = 10_000;

interface Stream {
  accountId: string;
  keyId: string | null;
  subscriber: Subscriber<MessageEvent>;
  /** The id to send: the resume point while replaying, then this instance's newest proof. */
  id: string;
  /** Live events that came while the replay ran, sent after it. */
  buffer: MessageEvent[] | null;
}

/**
 * The invalidations of one account, streamed to the services behind this one (Server-Sent Events),
 * so their cached validations drop a revoked token as fast as this service's own instances do. Each
 * event's id is a resume point; a stream opened with `Last-Event-ID` first replays what the account
 * logged since, then goes live. Heartbeats are sent only while this instance holds fresh proof that
 * it hears every invalidation (its lease): a consumer trusts its cache only while they keep coming.
 * When this instance loses its invalidation channel, its streams end: the consumers reconnect and
 * resume (perhaps on another instance) with nothing missed.
 */
@Injectable()
export class InvalidationStreamService implements OnModuleDestroy {
  private readonly logger = new Logger(InvalidationStreamService.name);
  private readonly streams = new Set<Stream>();
  private readonly windowMs: number;
  private readonly heartbeatTimer: NodeJS.Timeout;
  private readonly onInvalidation = (invalidation: Invalidation) => this.fanOut(invalidation);

  constructor(
    private readonly invalidation: SessionInvalidationService,
    private readonly dataSource: DataSource,
    config: AppConfigService,
  ) {
    this.windowMs = config.get('INVALIDATION_REPLAY_WINDOW_S') * 1000;
    invalidation.subscribe(this.onInvalidation);
    // A protocol timer (its period is a setting consumers' leases depend on), not a schedule.
    this.heartbeatTimer = setInterval(() => this.heartbeat(), config.get('INVALIDATION_STREAM_HEARTBEAT_MS'));
    this.heartbeatTimer.unref();
  }

  get openStreams(): number {
    return this.streams.size;
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeatTimer);
    this.invalidation.unsubscribe(this.onInvalidation);
    for (const stream of this.streams) stream.subscriber.complete();
    this.streams.clear();
  }

  /** Opens a client's stream of its account's invalidations, resuming after `lastEventId` when given. */
  open(client: Actor, given: string | undefined): Observable<MessageEvent> {
    // An empty Last-Event-ID is no resume point (EventSource sends none before its first id).
    const lastEventId = given === '' ? undefined : given;
    // Without its channel this instance could not tell what it missed: the consumer goes elsewhere or validates over HTTP.
    const proof = this.invalidation.ready ? this.invalidation.proof : null;
    if (!proof) throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, 'The invalidation stream is not available on this instance right now; retry');
    return new Observable<MessageEvent>((subscriber) => {
      const stream: Stream = { accountId: client.accountId, keyId: client.credentialId, subscriber, id: lastEventId ?? resumeId(proof), buffer: [] };
      this.streams.add(stream);
      void this.start(stream, lastEventId, proof);
      return () => this.streams.delete(stream);
    });
  }

  private async start(stream: Stream, lastEventId: string | undefined, proof: InvalidationProof): Promise<void> {
    const { subscriber } = stream;
    try {
      if (lastEventId !== undefined) {
        const match = RESUME_ID.exec(lastEventId);
        const rows =
          match && Date.now() - Number(match[2]) < this.windowMs
            ? await this.dataSource.query<{ kind: keyof typeof KIND_NAMES; target_id: string }[]>(
                `SELECT kind, target_id FROM invalidation_log WHERE account_id = $1 AND xid >= $2::xid8 ORDER BY seq LIMIT ${MAX_REPLAY + 1}`,
                [stream.accountId, match[1]],
              )
            : null;
        if (!rows || rows.length > MAX_REPLAY) {
          // Outside the replay window (or not an id of ours): the consumer must forget everything.
          subscriber.next({ type: 'reset', id: resumeId(proof), data: {} });
        } else {
          for (const row of rows) subscriber.next({ type: 'invalidation', id: stream.id, data: { kind: KIND_NAMES[row.kind], id: row.target_id } });
        }
      }
      const buffered = stream.buffer ?? [];
      stream.buffer = null;
      stream.id = resumeId(this.invalidation.proof ?? proof);
      for (const event of buffered) subscriber.next({ ...event, id: stream.id });
      subscriber.next({ type: 'heartbeat', id: stream.id, data: { ageMs: Math.round(this.invalidation.proofAgeMs) } });
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'invalidation stream could not replay; closing it');
      this.streams.delete(stream);
      subscriber.complete();
    }
  }

  private fanOut(invalidation: Invalidation): void {
    if (invalidation.kind === '*') {
      // This instance missed something (its channel dropped): every consumer resumes from its last id.
      for (const stream of this.streams) stream.subscriber.complete();
      this.streams.clear();
      return;
    }
    for (const stream of this.streams) {
      if (stream.accountId !== invalidation.accountId) continue;
      if (invalidation.kind === 'c' && invalidation.id === stream.keyId) {
        // The stream's own key was revoked: the stream ends, and so does its resume.
        this.streams.delete(stream);
        stream.subscriber.complete();
        continue;
      }
      const event: MessageEvent = { type: 'invalidation', id: stream.id, data: { kind: KIND_NAMES[invalidation.kind], id: invalidation.id } };
      if (stream.buffer) stream.buffer.push(event);
      else stream.subscriber.next(event);
    }
  }

  private heartbeat(): void {
    const proof = this.invalidation.proof;
    if (!this.invalidation.ready || !proof) return;
    const id = resumeId(proof);
    // How old the proof is: the consumer's lease runs from the proof, not from this event.
    const data = { ageMs: Math.round(this.invalidation.proofAgeMs) };
    for (const stream of this.streams) {
      if (stream.buffer) continue;
      stream.id = id;
      stream.subscriber.next({ type: 'heartbeat', id, data });
    }
  }

  /** Rows older than the window (and a minute's margin) can never be replayed: dropped every minute. */
  @Interval('invalidation-log-purge', 60_000)
  async purge(): Promise<void> {
    await this.dataSource
      .query(`DELETE FROM invalidation_log WHERE created_at < now() - make_interval(secs => $1)`, [this.windowMs / 1000 + 60])
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not purge the invalidation log'));
  }
}
