/**
 * A service of the core with a lifetime: built by the composition root
 * (core-services.ts), disposed by whoever owns its lifetime (the core, on
 * close; the unlocked vault's scope, on lock). dispose() lets go of what it
 * holds (threads, workers, patient data in memory) and may be called once.
 */
export interface Service {
  /** What it is, for the log when its dispose fails. */
  readonly name: string;
  dispose(): void | Promise<void>;
}

/**
 * Services of one lifetime, disposed in the reverse of the order they were
 * added (a service built on another goes before it), each once, synchronously
 * where their dispose is (a lock must have let go of the vault when it
 * returns). A dispose that throws is reported and the others still run.
 */
export class ServiceScope {
  private readonly services: Service[] = [];

  constructor(private readonly onError: (service: Service, error: unknown) => void) {}

  add<T extends Service>(service: T): T {
    this.services.push(service);
    return service;
  }

  /** The services' names in the order dispose() lets go of them. */
  disposalOrder(): string[] {
    return this.services.map((s) => s.name).reverse();
  }

  /** Disposes every service, last added first; resolves when the asynchronous ones have let go too. */
  dispose(): Promise<void> {
    const waits: Promise<void>[] = [];
    while (this.services.length > 0) {
      const service = this.services.pop()!;
      try {
        const done = service.dispose();
        if (done) waits.push(done.catch((error: unknown) => this.onError(service, error)));
      } catch (error) {
        this.onError(service, error);
      }
    }
    return Promise.all(waits).then(() => undefined);
  }
}
