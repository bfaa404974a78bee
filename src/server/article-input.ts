// A posted article (JSON body) as the coder's Article: front matter in the text is read as in a .txt file,
// explicit fields win over it, and the same checks as for files apply (language, date).
import type { Article } from '../document.js';
import { finishArticle } from '../io/article.js';
import { parseTextArticle } from '../io/text.js';
import { contentHash } from '../store/store.js';
import { HttpError } from './errors.js';
import type { ArticleInput } from './schemas.js';

export function toArticle(input: ArticleInput): Article {
  const raw = parseTextArticle(input.text, input.id ?? `posted-${contentHash(input.text).slice(0, 12)}`, 'request body');
  const result = finishArticle(
    {
      ...raw,
      ...(input.title !== undefined && { title: input.title }),
      ...(input.outlet !== undefined && { outlet: input.outlet }),
      ...(input.published !== undefined && { published: input.published }),
      ...(input.url !== undefined && { url: input.url }),
      ...(input.lang !== undefined && { lang: input.lang }),
    },
    {},
  );
  if (!result.ok) throw new HttpError(400, result.error.message);
  return result.article;
}
