// The interface in English and Arabic. The chosen language sets <html lang dir>: Arabic lays the page out right
// to left; article text and names keep their own direction inside either layout (dir="auto" where they appear).
export type UiLang = 'en' | 'ar';

const en = {
  appName: 'Rasad',
  tagline: 'Relations between states, leaders and organisations, from the news',
  navGraph: 'Graph',
  navCode: 'Code an article',
  navDocs: 'API',
  switchLang: 'العربية',
  searchPlaceholder: 'Search actors: Iran, إيران, الدوحة…',
  search: 'Search',
  loading: 'Loading…',
  error: 'Something went wrong',
  noData: 'Nothing to show yet. Ingest articles with `rasad ingest`, or code one here.',
  // graph
  graphTitle: 'Relations graph',
  window: 'Time window',
  from: 'From',
  to: 'To',
  allTime: 'All time',
  nodes: 'actors',
  edges: 'dyads',
  legendCoop: 'cooperation',
  legendConflict: 'conflict',
  legendMixed: 'mixed',
  graphHint: 'Click an actor for its profile, a line for the dyad.',
  dyadsInWindow: 'Dyads in this window',
  countBy: 'Count',
  countReports: 'reports',
  countMerged: 'events (merged reports)',
  // tables
  date: 'Date',
  source: 'Source',
  target: 'Target',
  event: 'Event',
  goldstein: 'Goldstein',
  outlet: 'Outlet',
  events: 'Events',
  cooperation: 'Cooperation',
  conflict: 'Conflict',
  balance: 'Balance',
  partner: 'Partner',
  evidence: 'Evidence',
  open: 'open',
  more: 'More',
  undated: 'undated',
  // dyad
  dyadTitle: 'Dyad',
  timeline: 'Timeline by month',
  timelineYear: 'Timeline by year',
  q1: 'Verbal cooperation',
  q2: 'Material cooperation',
  q3: 'Verbal conflict',
  q4: 'Material conflict',
  goldsteinSum: 'Goldstein sum',
  total: 'Total',
  dyadEvents: 'Events between them',
  direction: 'Direction',
  // actor
  actorTitle: 'Actor',
  asSource: 'as source',
  asTarget: 'as target',
  firstEvent: 'First event',
  lastEvent: 'Last event',
  partners: 'Partners',
  recent: 'Recent events',
  names: 'Names',
  // evidence
  evidenceTitle: 'Evidence',
  article: 'Article',
  published: 'Published',
  attribution: 'Attributed to',
  none: 'none',
  code: 'CAMEO code',
  quad: 'QuadClass',
  plover: 'PLOVER',
  confidence: 'Confidence',
  dateBasis: 'Date from',
  flags: 'Flags',
  negated: 'negated',
  hypothetical: 'hypothetical',
  legend: 'Highlighted',
  otherReports: 'Other reports of this event',
  noOtherReports: 'This report is not merged with any event.',
  noOtherReportsMerged: 'No other article reports this event.',
  toldBy: 'Told by',
  reportsWord: 'reports',
  articlesWord: 'articles',
  outletsWord: 'outlets',
  someClaims: 'some reports only attribute it',
  allClaims: 'every report only attributes it',
  // search
  searchTitle: 'Search',
  actors: 'Actors',
  matched: 'matched',
  noActors: 'No actor matches.',
  eventsOf: 'Events of the actors found',
  // code
  codeTitle: 'Code an article',
  codeHint: 'Paste an article in Arabic or English (front matter lines such as published: 2021-01-05 are read), or upload a .txt file. Events appear as you type; nothing is stored.',
  upload: 'Upload .txt',
  language: 'Language',
  auto: 'detect',
  publishedDate: 'Publication date',
  codeNow: 'Code',
  codedEvents: 'Coded events',
  noEvents: 'No events found in this text.',
  textTitle: 'Text',
} as const;

export type Key = keyof typeof en;

const ar: Record<Key, string> = {
  appName: 'رصد',
  tagline: 'العلاقات بين الدول والقادة والمنظمات، من الأخبار',
  navGraph: 'الشبكة',
  navCode: 'ترميز مقال',
  navDocs: 'الواجهة البرمجية',
  switchLang: 'English',
  searchPlaceholder: 'ابحث عن فاعل: إيران، الدوحة، Iran…',
  search: 'بحث',
  loading: 'جار التحميل…',
  error: 'حدث خطأ',
  noData: 'لا شيء لعرضه بعد. أدخل مقالات بالأمر rasad ingest أو رمّز مقالا هنا.',
  graphTitle: 'شبكة العلاقات',
  window: 'الفترة الزمنية',
  from: 'من',
  to: 'إلى',
  allTime: 'كل الفترات',
  nodes: 'فاعلون',
  edges: 'ثنائيات',
  legendCoop: 'تعاون',
  legendConflict: 'صراع',
  legendMixed: 'مختلط',
  graphHint: 'انقر على فاعل لعرض ملفه، وعلى خط لعرض العلاقة الثنائية.',
  dyadsInWindow: 'الثنائيات في هذه الفترة',
  countBy: 'العدّ',
  countReports: 'التقارير',
  countMerged: 'الأحداث (تقارير مدمجة)',
  date: 'التاريخ',
  source: 'المصدر',
  target: 'الهدف',
  event: 'الحدث',
  goldstein: 'غولدستين',
  outlet: 'الوسيلة',
  events: 'الأحداث',
  cooperation: 'تعاون',
  conflict: 'صراع',
  balance: 'الميزان',
  partner: 'الشريك',
  evidence: 'الشاهد',
  open: 'فتح',
  more: 'المزيد',
  undated: 'بلا تاريخ',
  dyadTitle: 'علاقة ثنائية',
  timeline: 'الخط الزمني بالشهر',
  timelineYear: 'الخط الزمني بالسنة',
  q1: 'تعاون لفظي',
  q2: 'تعاون مادي',
  q3: 'صراع لفظي',
  q4: 'صراع مادي',
  goldsteinSum: 'مجموع غولدستين',
  total: 'المجموع',
  dyadEvents: 'الأحداث بينهما',
  direction: 'الاتجاه',
  actorTitle: 'فاعل',
  asSource: 'مصدرا',
  asTarget: 'هدفا',
  firstEvent: 'أول حدث',
  lastEvent: 'آخر حدث',
  partners: 'الشركاء',
  recent: 'أحدث الأحداث',
  names: 'الأسماء',
  evidenceTitle: 'الشاهد',
  article: 'المقال',
  published: 'تاريخ النشر',
  attribution: 'منسوب إلى',
  none: 'لا يوجد',
  code: 'رمز CAMEO',
  quad: 'الفئة الرباعية',
  plover: 'PLOVER',
  confidence: 'الثقة',
  dateBasis: 'مصدر التاريخ',
  flags: 'علامات',
  negated: 'منفي',
  hypothetical: 'افتراضي',
  legend: 'المظلل',
  otherReports: 'تقارير أخرى عن الحدث نفسه',
  noOtherReports: 'هذا التقرير غير مدمج في أي حدث.',
  noOtherReportsMerged: 'لا يروي هذا الحدث مقال آخر.',
  toldBy: 'رواه',
  reportsWord: 'تقارير',
  articlesWord: 'مقالات',
  outletsWord: 'وسائل',
  someClaims: 'بعض التقارير تنسبه فقط إلى مصدر',
  allClaims: 'كل التقارير تنسبه فقط إلى مصدر',
  searchTitle: 'بحث',
  actors: 'الفاعلون',
  matched: 'طابق',
  noActors: 'لا فاعل يطابق البحث.',
  eventsOf: 'أحداث الفاعلين الذين وجدوا',
  codeTitle: 'ترميز مقال',
  codeHint: 'الصق مقالا بالعربية أو الإنجليزية (تقرأ أسطر البيانات مثل published: 2021-01-05)، أو ارفع ملف .txt. تظهر الأحداث أثناء الكتابة، ولا يخزن شيء.',
  upload: 'رفع ملف .txt',
  language: 'اللغة',
  auto: 'تلقائي',
  publishedDate: 'تاريخ النشر',
  codeNow: 'رمّز',
  codedEvents: 'الأحداث المرمزة',
  noEvents: 'لم يعثر على أحداث في هذا النص.',
  textTitle: 'النص',
};

const STORAGE_KEY = 'rasad.lang';

function initial(): UiLang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'ar' || saved === 'en') return saved;
  return navigator.language.startsWith('ar') ? 'ar' : 'en';
}

let current: UiLang = initial();

export function uiLang(): UiLang {
  return current;
}

export function t(key: Key): string {
  return (current === 'ar' ? ar : en)[key];
}

/** Set the language and the page direction. */
export function setUiLang(lang: UiLang): void {
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = `${t('appName')} — ${t('tagline')}`;
}

/** Numbers with Western digits in both languages, as dates are (2015-07): one digit system on the page. */
export function num(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** An arrow from the first-named to the second-named, in reading direction. */
export function arrow(): string {
  return current === 'ar' ? '←' : '→';
}
