// `rasad enqueue PATH...`: read articles and queue one coding job per article on Redis, for `rasad worker`.
import type { Command } from 'commander';
import { enqueuePaths, type EnqueueSummary } from '../queue/enqueue.js';
import { openQueue, queueNameFrom, redisUrlFrom } from '../queue/queue.js';
import { addLimitOptions, limitsFrom, parseLangOption, parsePublishedOption, type LimitFlags } from './options.js';

interface EnqueueFlags extends LimitFlags {
  redis?: string;
  queue?: string;
  published?: string;
  lang?: 'ar' | 'en';
}

export function formatEnqueueSummary(s: EnqueueSummary): string {
  return `articles read: ${s.read}, jobs sent: ${s.sent}, errors: ${s.errors}\n`;
}

export function register(command: Command): void {
  command
    .argument('<paths...>', 'files or folders (.txt, .jsonl, .html); - for stdin')
    .option('--redis <url>', 'Redis server (default RASAD_REDIS_URL, else redis://127.0.0.1:6379)')
    .option('--queue <name>', 'queue name (default RASAD_QUEUE, else rasad-code)')
    .option('--published <date>', 'publication date when the input gives none (YYYY-MM-DD, YYYY-MM or YYYY)', parsePublishedOption)
    .option('--lang <lang>', 'language when the input does not say (ar|en); detected otherwise', parseLangOption);
  addLimitOptions(command).action(async (paths: string[], opts: EnqueueFlags) => {
    const url = redisUrlFrom(opts.redis);
    const queue = await openQueue(url, queueNameFrom(opts.queue));
    let summary: EnqueueSummary;
    try {
      summary = await enqueuePaths(queue, paths, {
        published: opts.published,
        lang: opts.lang,
        limits: limitsFrom(opts),
        onError: (e) => console.error(`rasad: ${e.origin}: ${e.message}`),
      });
    } finally {
      await queue.close();
    }
    process.stdout.write(formatEnqueueSummary(summary));
    if (summary.read === 0) process.exitCode = 1;
  });
}
