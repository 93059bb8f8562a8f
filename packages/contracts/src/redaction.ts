/**
 * Redaction (脱敏) of free text: the one function every text goes through before it leaves with
 * masking — GraphQL fields for masked roles, events, Open311 answers, logs, the stored search text.
 *
 * Citizens type their name, phones, address and ID numbers into titles and contents. Two passes
 * remove them:
 * 1. the case's own known values (the caller's name and its 王先生 / 王女士 forms, every phone
 *    given, the address and its door / unit / room part), wherever they appear;
 * 2. patterns: mobile, landline and resident-ID numbers (ASCII or full-width digits, with spaces or
 *    dashes), e-mail addresses, names introduced by 我叫 / 我是 / 姓名 / 联系人 / 来电人 …, a
 *    surname followed by 先生 / 女士 / 小姐, door numbers (…号…单元…室) and what follows 家住 / 住在 /
 *    住址 / 地址 / 住 when it looks like an address.
 *
 * Browser-safe: plain string functions, no Node APIs. It errs on the side of masking: a masked
 * word that was not personal costs a little reading, a leaked one cannot be taken back.
 */

/** What the case itself knows about its caller; every value is removed from the text. */
export interface KnownPersonalData {
  name?: string | null;
  phones?: ReadonlyArray<string | null | undefined>;
  address?: string | null;
}

const D = '[0-9０-９]';
const SEP = '[-－—\\s]?';
const NUM = '[0-9０-９一二三四五六七八九十百零〇两]+';

/** Common single-character surnames (百家姓, the ~120 most frequent) and the compound ones. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '夏侯',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
  '端木',
  '轩辕',
  '西门',
  '南宫',
];
/** Characters that end a name typed after 我叫 (the next word starting). */
const NAME_STOP = new Set(Array.from('住在的是家反映来电先生女士我今已因从于和与要请说，。,、；;：:！!？?（）() 　想也就还又都'));

/** 先生 / 女士 / 小姐 … is a title, not part of a name: 联系人王先生 leaves 王 to the 王先生 rule. */
const TITLES = ['先生', '女士', '小姐', '老师', '阿姨', '大爷', '大妈', '师傅'];
const titleAt = (chars: string[], i: number) => TITLES.includes(chars.slice(i, i + 2).join(''));

const stars = (s: string) => '*'.repeat(Math.max(2, Array.from(s).length));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 13812345678 → 138****5678 (the form the API uses for phones). */
function maskPhoneDigits(raw: string): string {
  const d = toAscii(raw).replace(/\D/g, '');
  if (d.length >= 11) return d.slice(-11, -8) + '****' + d.slice(-4);
  if (d.length <= 4) return '*'.repeat(d.length);
  return '*'.repeat(d.length - 2) + d.slice(-2);
}

const toAscii = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const RESIDENT_ID = new RegExp(`(?<![0-9０-９])(?:${D}${SEP}){17}[0-9０-９XxＸｘ](?![0-9０-９])`, 'g');
const MOBILE = new RegExp(`(?<![0-9０-９])(?:(?:\\+|＋)?(?:86|８６)${SEP})?[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}(?![0-9０-９])`, 'g');
const LANDLINE = new RegExp(`(?<![0-9０-９])[0０]${D}{2,3}${SEP}${D}{7,8}(?![0-9０-９])`, 'g');
/** A number after 电话 / 手机 / 座机 / 联系方式 / 号码 / 身份证 …: whatever its length. */
const INTRODUCED_NUMBER =
  /(电话|手机|座机|固话|联系方式|联系电话|号码|手机号|电话号|身份证|证件号|护照|微信|QQ|qq)([号码是为：:\s]{0,4})([0-9０-９Xx\-－\s*]{5,25})/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const NAME_INTRO = /(我叫|我名叫|本人叫|名叫|名字叫|名字是|姓名|联系人|来电人|反映人|投诉人|举报人|申请人|业主姓名)([是为：:\s]{0,3})/g;
const MAYBE_NAME_INTRO = /(我是|本人是|本人)/g;
const SURNAME_TITLE = new RegExp(`(${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])(${TITLES.join('|')})`, 'g');
const SURNAME_SAID = new RegExp(`(我姓|本人姓|免贵姓)([${SURNAMES}]|${COMPOUND_SURNAMES.join('|')})`, 'g');

/** 15号院3单元502室, 5号楼2单元, 3-2-502 after an address word: two or more door parts in a row. */
const DOOR_UNIT = `${NUM}(?:号院|号楼|号|栋|幢|座|单元|层|楼|室|户)`;
const DOOR_CHAIN = new RegExp(`(?:${DOOR_UNIT}[-－—]?){2,}(?:${NUM}(?![号院楼栋幢座单元层室户]))?|${D}{3,4}[室户]`, 'g');
const ADDRESS_INTRO = /(家住|住在|住址|现住|现居|居住在|住于|我住|家庭住址|地址|(?<=^|[，,。；;\s、我])住)([是为：:\s]{0,3})([^，,。；;！!？?\n]{1,40})/g;
const ADDRESS_LIKE = /[0-9０-９]|[号室单元栋幢楼层院户]/;

/** Administrative prefix of an address (北京市 / 经济技术开发区 / 大兴区 / 亦庄镇 / 荣华街道): public, not a door. */
const ADMIN_PREFIX = /^(?:北京市|北京|[^\s]{1,8}?(?:经济技术开发区|开发区|区|县)|[^\s]{1,6}?(?:镇|乡|街道))+/;

type Patterns = Array<[RegExp, (m: string) => string]>;

/** What `make` gives for `key`, kept in `map`; the whole map is dropped once it holds `max` entries. */
function kept<V>(map: Map<string, V>, max: number, key: string, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= max) map.clear();
    map.set(key, (v = make()));
  }
  return v;
}

/**
 * The patterns of a case's own values, kept for the cases read lately: a page of 50 cases redacts
 * each one's title, content and attachment names, and building the regular expressions was most of
 * that work (docs/performance.md). Global expressions are safe to share: `replace` starts them at 0.
 */
const patternCache = new Map<string, Patterns>();

/** The case's values as one string (JSON: no two different sets of values share it, and it holds no control character). */
const keyOf = (known: KnownPersonalData): string => JSON.stringify([known.name ?? '', known.phones ?? [], known.address ?? '']);

function knownPatterns(known: KnownPersonalData, key: string): Patterns {
  if (!known.name && !known.address && !known.phones?.some(Boolean)) return [];
  return kept(patternCache, 2000, key, () => buildKnownPatterns(known));
}

function buildKnownPatterns(known: KnownPersonalData): Patterns {
  const out: Patterns = [];
  const name = (known.name ?? '').trim();
  if (Array.from(name).length >= 2) {
    out.push([new RegExp(escape(name), 'g'), stars]);
    const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? Array.from(name)[0];
    out.push([new RegExp(`${escape(surname)}(?=先生|女士|小姐|老师|阿姨|大爷|大妈|师傅|某)`, 'g'), (m) => '*'.repeat(Array.from(m).length)]);
  }
  for (const phone of known.phones ?? []) {
    for (const run of toAscii(phone ?? '').match(/\d[\d\s-]*\d/g) ?? []) {
      const digits = run.replace(/\D/g, '');
      if (digits.length < 5) continue;
      // Digit for digit, ASCII or full-width, with any spaces or dashes between them.
      const body = Array.from(digits)
        .map((d) => `[${d}${String.fromCharCode(d.charCodeAt(0) + 0xfee0)}]`)
        .join('[-－—\\s]*');
      out.push([new RegExp(`(?<![0-9０-９])${body}(?![0-9０-９])`, 'g'), maskPhoneDigits]);
    }
  }
  const address = (known.address ?? '').replace(/\s+/g, '');
  if (address) {
    const parts = new Set<string>();
    if (Array.from(address).length >= 4) parts.add(address);
    const local = address.replace(ADMIN_PREFIX, '');
    if (local && local !== address && ADDRESS_LIKE.test(local) && Array.from(local).length >= 4) parts.add(local);
    for (const door of address.match(DOOR_CHAIN) ?? []) parts.add(door);
    // Longest first, so the whole address goes before its door part.
    for (const p of [...parts].sort((a, b) => b.length - a.length)) out.push([new RegExp(escape(p), 'g'), () => '****']);
  }
  return out;
}

/** Words that follow 联系人 / 姓名 … but are not a name (联系人身份证…, 联系人电话…). */
const NOT_A_NAME = [
  '身份',
  '电话',
  '手机',
  '地址',
  '住址',
  '姓名',
  '联系',
  '号码',
  '微信',
  '证件',
  '本人',
  '家属',
  '业主',
  '物业',
  '社区',
  '单位',
  '不详',
  '未知',
  '匿名',
  '先生',
  '女士',
];

/** The name at the start of `rest` (2–3 characters, 4 with a compound surname), or ''. */
function takeName(rest: string, needBoundary: boolean): string {
  const chars = Array.from(rest);
  const compound = COMPOUND_SURNAMES.find((s) => rest.startsWith(s));
  const max = compound ? 4 : 3;
  const out: string[] = [];
  for (const [i, ch] of chars.entries()) {
    if (out.length >= max || !/[\u4e00-\u9fff·]/.test(ch) || (out.length >= 2 && NAME_STOP.has(ch)) || titleAt(chars, i)) break;
    out.push(ch);
  }
  // After 我是 / 本人 the words may be anything (我是金茂悦二期业主): only a name that ends at a word boundary counts.
  if (needBoundary) {
    while (out.length >= 2 && !(out.length === chars.length || NAME_STOP.has(chars[out.length]) || titleAt(chars, out.length))) out.pop();
  }
  const name = out.join('');
  return out.length >= 2 && !NOT_A_NAME.some((w) => name.startsWith(w)) ? name : '';
}

/** Replaces each name that follows an introducer (我叫王建国 → 我叫***). */
function redactIntroducedNames(text: string, intro: RegExp, needSurname: boolean): string {
  let out = '';
  let last = 0;
  intro.lastIndex = 0;
  for (let m = intro.exec(text); m; m = intro.exec(text)) {
    const start = m.index + m[0].length;
    if (start < last) continue;
    const rest = text.slice(start, start + 8);
    const name = takeName(rest, needSurname);
    const surnameOk = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) || SURNAMES.includes(Array.from(name)[0] ?? '');
    if (!name || (needSurname && !surnameOk)) continue;
    out += text.slice(last, start) + stars(name);
    last = start + name.length;
    intro.lastIndex = last;
  }
  return out + text.slice(last);
}

/**
 * The text with every personal value removed: the case's own (when given) and whatever looks like
 * a phone, ID number, e-mail, introduced name or door number. Idempotent.
 */
export function redactText(text: string, known: KnownPersonalData = {}): string {
  if (!text) return text;
  const key = keyOf(known);
  const redact = () => redactUncached(text, knownPatterns(known, key));
  // Short texts (titles, file names, notes) are read again and again — every queue page shows the
  // same titles — and the answer depends on nothing but the text and the case's values.
  return text.length <= 200 ? kept(redactedMemo, 5000, `${key}\u0002${text}`, redact) : redact();
}

/** Redacted short texts, by the case's values and the text. */
const redactedMemo = new Map<string, string>();

function redactUncached(text: string, patterns: Patterns): string {
  let s = text;
  for (const [re, mask] of patterns) s = s.replace(re, mask);
  s = s.replace(RESIDENT_ID, (m) => {
    const c = toAscii(m).replace(/[^0-9Xx]/g, '');
    return c.slice(0, 3) + '*'.repeat(11) + c.slice(-4);
  });
  s = s.replace(MOBILE, maskPhoneDigits);
  s = s.replace(LANDLINE, (m) => {
    const c = toAscii(m).replace(/\D/g, '');
    return c.slice(0, 3) + '-****' + c.slice(-2);
  });
  s = s.replace(INTRODUCED_NUMBER, (_m, word: string, glue: string, num: string) => {
    const digits = toAscii(num).replace(/[^0-9Xx]/g, '');
    if (digits.length < 5 || num.includes('*')) return word + glue + num;
    const tail = /\s$/.test(num) ? ' ' : '';
    return word + glue + (digits.length >= 11 && /^1/.test(digits) ? maskPhoneDigits(digits) : '*'.repeat(digits.length - 2) + digits.slice(-2)) + tail;
  });
  s = s.replace(EMAIL, (m) => `${m[0]}***@${m.split('@')[1]}`);
  s = redactIntroducedNames(s, NAME_INTRO, false);
  s = redactIntroducedNames(s, MAYBE_NAME_INTRO, true);
  s = s.replace(SURNAME_SAID, (_m, word: string, surname: string) => word + stars(surname).slice(0, Array.from(surname).length));
  s = s.replace(SURNAME_TITLE, (_m, _surname: string, title: string) => `*${title}`);
  s = s.replace(ADDRESS_INTRO, (m, word: string, glue: string, place: string) => (ADDRESS_LIKE.test(place) || /址/.test(word) ? word + glue + '****' : m));
  s = s.replace(DOOR_CHAIN, '****');
  return s;
}

/** The known personal values of a case, as `redactText` takes them. */
export function knownOf(c: { citizenName?: string | null; citizenPhone?: string | null; address?: string | null }): KnownPersonalData {
  return { name: c.citizenName, phones: [c.citizenPhone], address: c.address };
}

/**
 * At most `length` characters of a redacted text, whitespace collapsed: what an event may carry.
 * The cut can leave the head of a long digit run that reads like a phone: the result is redacted
 * again, and if a number still shows every digit is masked.
 */
export function redactedDigest(text: string, length = 60, known: KnownPersonalData = {}): string {
  const chars = Array.from(redactText(text.replace(/\s+/g, ' ').trim(), known));
  while (chars.length > length || chars.join('').length > length) chars.pop();
  const cut = redactText(chars.join(''), known);
  MOBILE.lastIndex = LANDLINE.lastIndex = RESIDENT_ID.lastIndex = 0;
  return MOBILE.test(cut) || LANDLINE.test(cut) || RESIDENT_ID.test(cut) ? cut.replace(/[0-9０-９]/g, '*') : cut;
}
