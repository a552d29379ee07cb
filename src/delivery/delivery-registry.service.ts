import { Injectable } from '@nestjs/common';
import { DeliveryKind } from './delivery.types.js';

/** The destination kinds the dispatcher knows; each feature registers its own at start. */
@Injectable()
export class DeliveryRegistry {
  private readonly kinds = new Map<string, DeliveryKind>();

  register(kind: DeliveryKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`delivery kind ${kind.kind} registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): DeliveryKind | undefined {
    return this.kinds.get(kind);
  }

  /** The push kinds that linger (DeliveryKind.lingerMs), with their lingers, for the dispatcher's claim. */
  lingering(): { kinds: string[]; ms: number[] } {
    const kinds = [...this.kinds.values()].filter((k) => !k.pull && (k.lingerMs ?? 0) > 0);
    return { kinds: kinds.map((k) => k.kind), ms: kinds.map((k) => k.lingerMs as number) };
  }

  /** The kinds the dispatcher pushes (not those whose receivers poll). */
  pushKinds(): string[] {
    return [...this.kinds.values()].filter((k) => !k.pull).map((k) => k.kind);
  }
}
