import { describe, expect, it } from 'vitest';
import { emptyDocument, type CodedEvent, type Document, type EventActor, type Lang } from '../src/document.js';
import { loadResources } from '../src/lexicon/index.js';
import { createAttributor } from '../src/stages/attribution.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';

const attribute = createAttributor(loadResources().attribution);

function doc(text: string, lang: Lang): Document {
  const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang, origin: 't' };
  return segment(normalise(emptyDocument(text, meta, lang)));
}

function actor(d: Document, words: string, from = 0): EventActor {
  const start = d.text.indexOf(words, from);
  if (start < 0) throw new Error(`no ${words}`);
  return { id: 'X', cameo: 'X', role: null, name: words, text: words, start, end: start + words.length };
}

/** A fake event on the sentence holding `trigger`, with an optional source phrase. */
function event(d: Document, trigger: string, source: string | null = null, from = 0): CodedEvent {
  const start = d.text.indexOf(trigger, from);
  if (start < 0) throw new Error(`no ${trigger}`);
  const s = d.sentences.find((x) => x.start <= start && start < x.end);
  if (s === undefined) throw new Error('no sentence');
  return {
    sentence: s.index,
    source: source === null ? null : actor(d, source, s.start),
    target: null,
    code: '040',
    root: '04',
    quad: 1,
    goldstein: 1,
    plover: null,
    trigger: { start, end: start + trigger.length },
    evidence: { start: s.start, end: s.end },
    date: { value: null, precision: null, text: null, basis: 'none' },
    attributedTo: 'unset',
    negated: false,
    hypothetical: false,
    confidence: 1,
  };
}

/** attributedTo for each trigger (each searched after the previous one). */
function who(text: string, lang: Lang, triggers: Array<string | [string, string]>): Array<string | null> {
  const d = doc(text, lang);
  let from = 0;
  for (const t of triggers) {
    const [trig, src] = typeof t === 'string' ? [t, null] : t;
    const ev = event(d, trig, src, from);
    from = ev.trigger.end;
    d.events.push(ev);
  }
  return attribute(d).events.map((e) => e.attributedTo);
}

describe('attribution: Arabic frames', () => {
  it('بحسب / حسب / وفقا ل / نقلا عن with a known outlet', () => {
    expect(who('بحسب وكالة رويترز، زار الوزير العاصمة.', 'ar', ['زار'])).toEqual(['Reuters']);
    expect(who('وصل الوفد إلى الرياض حسب الأناضول.', 'ar', ['وصل'])).toEqual(['Anadolu']);
    expect(who('وفقا لصحيفة واشنطن بوست، رفضت الحكومة العرض.', 'ar', ['رفضت'])).toEqual(['Washington Post']);
    expect(who('نقلا عن وكالة شينخوا، وقع البلدان اتفاقية.', 'ar', ['وقع'])).toEqual(['Xinhua']);
  });

  it('verb + outlet, verb + head + outlet, with clitics and hamza folding', () => {
    expect(who('وذكرت صحيفة الغارديان أن الجيش انسحب من المدينة.', 'ar', ['انسحب'])).toEqual(['The Guardian']);
    expect(who('أفادت قناة الجزيرة بأن الطرفين التقيا.', 'ar', ['التقيا'])).toEqual(['Al Jazeera']);
    expect(who('وأكدت وكالة الأنباء القطرية أن الأمير استقبل الضيف.', 'ar', ['استقبل'])).toEqual(['QNA']);
    expect(who('كشفت بلومبرغ أن الرياض تفاوضت مع طهران.', 'ar', ['تفاوضت'])).toEqual(['Bloomberg']);
  });

  it('an unknown site after كشف موقع gives its name from the original text', () => {
    const d = doc('كشف موقع الخبر اليقين أن الوزير سافر سرا.', 'ar');
    d.events.push(event(d, 'سافر'));
    const out = attribute(d);
    expect(out.events[0]?.attributedTo).toBe('الخبر اليقين');
    expect(out.attributions[0]).toMatchObject({ sentence: 0, who: 'الخبر اليقين' });
    expect(d.text.slice(out.attributions[0]!.start, out.attributions[0]!.end)).toBe('كشف موقع الخبر اليقين');
  });

  it('وفقا لمصادر keeps the name without the clitic', () => {
    expect(who('وفقا لمصادر دبلوماسية، أغلقت السفارة أبوابها.', 'ar', ['أغلقت'])).toEqual(['مصادر دبلوماسية']);
  });

  it('وفقا ل / according to before a rule or plan is no source', () => {
    expect(who('وفقا لاتفاقية الدفاع، نشرت الدولة قواتها.', 'ar', ['نشرت'])).toEqual([null]);
    expect(who('بحسب الخطة، انسحب الجيش.', 'ar', ['انسحب'])).toEqual([null]);
    expect(who('The army withdrew according to the plan.', 'en', ['withdrew'])).toEqual([null]);
  });

  it('the region الشرق الأوسط is an outlet only after صحيفة', () => {
    expect(who('قالت صحيفة الشرق الأوسط إن الطرفين تصالحا.', 'ar', ['تصالحا'])).toEqual(['Asharq Al-Awsat']);
    expect(who('قال الوزير إن الشرق الأوسط يشهد تصعيدا.', 'ar', ['يشهد'])).toEqual([null]);
  });

  it('words given to an outlet: قال لوكالة X', () => {
    expect(who('وقال المسؤول لوكالة فرانس برس إن القوات تقدمت.', 'ar', ['تقدمت'])).toEqual(['AFP']);
  });

  it('a plain speaker verb with a person is no attribution', () => {
    expect(who('وقال وزير الخارجية إن بلاده سترسل مساعدات.', 'ar', ['سترسل'])).toEqual([null]);
  });
});

describe('attribution: English frames', () => {
  it('according to X, X said, X reported that', () => {
    expect(who('Iran recalled its envoy, according to the Financial Times.', 'en', ['recalled'])).toEqual(['Financial Times']);
    expect(who('Reuters said troops crossed the border.', 'en', ['crossed'])).toEqual(['Reuters']);
    expect(who('The Wall Street Journal reported that Qatar mediated.', 'en', ['mediated'])).toEqual(['Wall Street Journal']);
    expect(who('Axios revealed that the envoy met Hamas leaders.', 'en', ['met'])).toEqual(['Axios']);
  });

  it('citing X, reports by X, in a report by X, told X', () => {
    expect(who('The talks collapsed, citing Anadolu.', 'en', ['collapsed'])).toEqual(['Anadolu']);
    expect(who('In a report by Politico, officials denied the visit.', 'en', ['denied'])).toEqual(['Politico']);
    expect(who('The minister told CNN that his country would retaliate.', 'en', ['retaliate'])).toEqual(['CNN']);
  });

  it('acronyms must be upper case', () => {
    expect(who('According to AP, the army withdrew.', 'en', ['withdrew'])).toEqual(['AP']);
    expect(who('According to ap officials, the army withdrew.', 'en', ['withdrew'])).toEqual(['ap officials']);
  });

  it('an unknown claimant after according to', () => {
    expect(who("According to Iran's foreign ministry, the deal holds.", 'en', ['holds'])).toEqual(["Iran's foreign ministry"]);
  });
});

describe('attribution: nesting', () => {
  it('نقلت X عن Y -> X', () => {
    const d = doc('ونقلت رويترز عن وكالة تسنيم أن الحرس الثوري نفذ مناورة.', 'ar');
    d.events.push(event(d, 'نفذ'));
    const out = attribute(d);
    expect(out.events[0]?.attributedTo).toBe('Reuters');
    expect(out.attributions.map((a) => a.who)).toEqual(['Reuters']);
  });

  it('X, citing Y -> X; X quoted Y as saying -> X', () => {
    expect(who('Bloomberg, citing IRNA, said the two sides met.', 'en', ['met'])).toEqual(['Bloomberg']);
    expect(who('Al-Monitor quoted Tasnim as saying the drill began.', 'en', ['began'])).toEqual(['Al-Monitor']);
    expect(who('بحسب وكالة الأناضول نقلا عن مصادر محلية، انسحبت القوات.', 'ar', ['انسحبت'])).toEqual(['Anadolu']);
  });
});

describe('attribution: scope', () => {
  it('carries through the paragraph and stops at a new paragraph', () => {
    const text = 'ذكرت صحيفة هآرتس أن الجيش قصف الموقع. وتوعدت الحركة بالرد.\n\nوزار الرئيس المدينة لاحقا.';
    expect(who(text, 'ar', ['قصف', 'وتوعدت', 'وزار'])).toEqual(['Haaretz', 'Haaretz', null]);
  });

  it('a continuation verb carries it into the next paragraph', () => {
    const text = 'قالت وكالة مهر إن الوزير التقى نظيره.\n\nوأضافت أن الجانبين وقعا مذكرة تفاهم.';
    expect(who(text, 'ar', ['التقى', 'وقعا'])).toEqual(['Mehr', 'Mehr']);
  });

  it('a bare head continuation finds the last outlet of that kind (وأشارت المجلة)', () => {
    const text = 'نشرت مجلة الإيكونوميست أن طهران عرضت وساطة.\n\nيشار إلى أن البلدين قطعا العلاقات.\n\nوأشارت المجلة إلى أن الرياض رحبت.';
    expect(who(text, 'ar', ['عرضت', 'قطعا', 'رحبت'])).toEqual(['The Economist', null, 'The Economist']);
  });

  it('a new frame replaces the running one', () => {
    const text = 'بحسب وكالة تاس، وصل الوفد. وذكرت وكالة كونا أن الأمير استقبله.';
    expect(who(text, 'ar', ['وصل', 'استقبله'])).toEqual(['TASS', 'KUNA']);
  });

  it('English: the report added continues; a new paragraph without it ends', () => {
    const text = 'Haaretz reported that Israel struck a depot. The report added that Iran protested.\n\nQatar hosted the talks.';
    expect(who(text, 'en', ['struck', 'protested', 'hosted'])).toEqual(['Haaretz', 'Haaretz', null]);
    const next = 'Haaretz reported that Israel struck a depot.\n\nIt added that Iran protested.';
    expect(who(next, 'en', ['struck', 'protested'])).toEqual(['Haaretz', 'Haaretz']);
  });

  it('a frameless paragraph between two paragraphs of one source is part of its account', () => {
    const text = 'نشرت مجلة الإيكونوميست أن طهران عرضت وساطة.\n\nوهددت طهران بإغلاق المضيق.\n\nوأشارت المجلة إلى أن الرياض رحبت.';
    expect(who(text, 'ar', ['عرضت', 'وهددت', 'رحبت'])).toEqual(['The Economist', 'The Economist', 'The Economist']);
    // Not resumed afterwards: the middle paragraph is the outlet's own.
    const open = 'نشرت مجلة الإيكونوميست أن طهران عرضت وساطة.\n\nوهددت طهران بإغلاق المضيق.\n\nوزار الوزير الكويت.';
    expect(who(open, 'ar', ['عرضت', 'وهددت', 'وزار'])).toEqual(['The Economist', null, null]);
    const en = 'Haaretz reported that Israel struck a depot.\n\nIran protested loudly.\n\nThe report added that Qatar mediated.';
    expect(who(en, 'en', ['struck', 'protested', 'mediated'])).toEqual(['Haaretz', 'Haaretz', 'Haaretz']);
  });

  it('background markers reset to the outlet own voice', () => {
    expect(who('قالت رويترز إن الوفد وصل. ويذكر أن البلدين تصالحا عام 2020.', 'ar', ['وصل', 'تصالحا'])).toEqual(['Reuters', null]);
    expect(who('بحسب كونا، وقع الطرفان اتفاقا. الجدير بالذكر أن الكويت توسطت سابقا.', 'ar', ['وقع', 'توسطت'])).toEqual(['KUNA', null]);
    const en = 'According to Xinhua, China hosted the envoys. It is worth noting that both sides cut ties in 2016.';
    expect(who(en, 'en', ['hosted', 'cut'])).toEqual(['Xinhua', null]);
    expect(who('Reuters said Iran agreed. Note: Oman mediated earlier.', 'en', ['agreed', 'mediated'])).toEqual(['Reuters', null]);
  });
});

describe('attribution: speaker is the source', () => {
  it('according to the minister, about the minister himself, is no attribution', () => {
    const text = 'According to the foreign minister, he will visit Doha next week.';
    expect(who(text, 'en', [['visit', 'foreign minister']])).toEqual([null]);
    expect(who(text, 'en', ['visit'])).toEqual(['foreign minister']);
  });

  it('Arabic: بحسب الوزير with the minister as the source', () => {
    const text = 'بحسب الوزير فإن الوزير سيزور الدوحة.';
    const d = doc(text, 'ar');
    const ev = event(d, 'سيزور');
    ev.source = actor(d, 'الوزير');
    d.events.push(ev);
    expect(attribute(d).events[0]?.attributedTo).toBeNull();
  });

  it('an outlet is never the speaker of the event', () => {
    expect(who('قالت الجزيرة إن قطر استضافت المحادثات.', 'ar', [['استضافت', 'قطر']])).toEqual(['Al Jazeera']);
  });
});

describe('attribution: lexicon', () => {
  it('loads outlets and frames from data/attribution', () => {
    const lex = loadResources().attribution;
    expect(lex.size).toBeGreaterThan(40);
    expect(lex.frames.ar.verbs.has('افادت')).toBe(true);
    expect(lex.outlets.get('بلومبيرغ')?.[0]?.value.name).toBe('Bloomberg');
  });
});
