import { Controller, Headers, MessageEvent, Req, Sse } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { ClientAuthenticated } from '../auth/authenticated.decorator.js';
import { actorOf, ActorRequest } from '../common/actor.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { InvalidationStreamService } from './invalidation-stream.service.js';

@ApiTags('oauth')
@Controller('v1/invalidations')
export class InvalidationStreamController {
  constructor(private readonly streams: InvalidationStreamService) {}

  /**
   * Server-Sent Events: the invalidations of the API key's account (`event: invalidation`, data
   * `{kind: session|user|account|api-key, id}`), `heartbeat` events while this instance's lease is
   * fresh, and `reset` when a resume point is outside the replay window (drop every cached answer).
   * Send the last event's id as `Last-Event-ID` to resume without a gap. The stream ends when its key
   * is revoked or this instance loses its invalidation channel: reconnect and resume.
   */
  @Sse()
  @ClientAuthenticated()
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received, to resume after it' })
  @ApiOkResponse({ description: 'text/event-stream of invalidation, heartbeat and reset events' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'This instance cannot prove it hears every invalidation right now; retry' })
  stream(@Req() request: ActorRequest, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    return this.streams.open(actorOf(request), lastEventId);
  }
}
