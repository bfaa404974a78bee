// One timed pass over the bench corpus: wall and CPU time, sentences and events counted, and peak heap and
// resident memory sampled as it goes (maxRSS only ever grows over the process, so it cannot tell passes apart).
import type { Document } from '../document.js';

export interface PassResult {
  name: string;
  articles: number;
  sentences: number;
  events: number;
  wallSeconds: number;
  /** User + system CPU time of the process: on a shared machine, what the pass cost one core. */
  cpuSeconds: number;
  peakHeapMb: number;
  peakRssMb: number;
}

const MB = 1024 * 1024;
/** Memory is sampled every this many articles (a pass is synchronous between awaits). */
const SAMPLE_EVERY = 100;

export class PassMeter {
  private articles = 0;
  private sentences = 0;
  private events = 0;
  private peakHeap = 0;
  private peakRss = 0;
  private readonly wallStart = process.hrtime.bigint();
  private readonly cpuStart = process.cpuUsage();

  constructor(private readonly name: string) {
    this.sample();
  }

  add(doc: Document): void {
    this.articles++;
    this.sentences += doc.sentences.length;
    this.events += doc.events.length;
    if (this.articles % SAMPLE_EVERY === 0) this.sample();
  }

  finish(): PassResult {
    this.sample();
    const cpu = process.cpuUsage(this.cpuStart);
    return {
      name: this.name,
      articles: this.articles,
      sentences: this.sentences,
      events: this.events,
      wallSeconds: Number(process.hrtime.bigint() - this.wallStart) / 1e9,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakHeapMb: this.peakHeap / MB,
      peakRssMb: this.peakRss / MB,
    };
  }

  private sample(): void {
    const { heapUsed, rss } = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
    this.peakRss = Math.max(this.peakRss, rss);
  }
}
