// Arabic proclitics (و ف ب ل ك, and لل for ل+ال) stripped before lexicon lookup; returns [offset, bare] pairs.
const PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك', 'فك'];

export function cliticReadings(word: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const p of PREFIXES) {
    if (!word.startsWith(p) || word.length - p.length < 2) continue;
    const rest = word.slice(p.length);
    out.push([p.length, rest]);
    // لل = ل + ال with the alef dropped: للدوحة -> الدوحة
    if (p.endsWith('ل') && rest.startsWith('ل')) out.push([p.length - 1, `ا${rest}`]);
  }
  return out;
}
