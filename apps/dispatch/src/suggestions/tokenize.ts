import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/**
 * Words of the bureau's trade that jieba's general dictionary splits into single characters
 * (认筹金 → 认/筹/金). Extend as the history shows more.
 */
const DOMAIN_WORDS = [
  '认筹金',
  '认筹',
  '退定金',
  '定金',
  '首付款',
  '网签',
  '备案',
  '选房',
  '交房',
  '收房',
  '延期交房',
  '逾期交付',
  '违约金',
  '精装房',
  '空鼓',
  '保温层',
  '渗水',
  '漏水',
  '开裂',
  '物业费',
  '维保',
  '门禁',
  '渣土车',
  '遗撒',
  '扬尘',
  '围挡',
  '塔吊',
  '打桩',
  '裸土',
  '路灯',
  '井盖',
  '雨水管网',
  '污水井',
  '人行道',
  '日照',
  '违章建筑',
  '阳光房',
  '配套',
  '信息公开',
];

/** Words that say nothing about which department a case belongs to. */
const STOP_WORDS = new Set([
  '市民',
  '来电',
  '反映',
  '表示',
  '要求',
  '希望',
  '请求',
  '尽快',
  '相关',
  '部门',
  '处理',
  '解决',
  '问题',
  '情况',
  '目前',
  '现在',
  '已经',
  '没有',
  '一直',
  '多次',
  '无果',
  '仍然',
  '我们',
  '他们',
  '自己',
  '这个',
  '那个',
  '一个',
  '进行',
  '给予',
  '协调',
  '督促',
  '核实',
  '答复',
  '谢谢',
  '本人',
  '小区',
  '北京',
  '开发区',
  '经济技术',
  '亦庄',
  '诉求',
  '工单',
  '联系',
  '电话',
  '帮助',
  '什么',
  '怎么',
  '为什么',
  '可以',
]);

/**
 * 分词 with jieba, keeping words of two or more characters that contain a letter or a CJK
 * character and are not stop words. Topic, project and street become prefixed features.
 */
export function tokenize(text: string): string[] {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 2000 n`).join('\n')));
  }
  return jieba.cut(text, true).filter((w) => w.length >= 2 && /[\p{Script=Han}a-zA-Z]/u.test(w) && !/^\d/.test(w) && !STOP_WORDS.has(w));
}

/**
 * What routing reads from a case: its whole text (title and content, personal data masked) and
 * its topic as a taxonomy code (主题编码), the same on the demo history, on past cases and on a
 * new case — names can be renamed by the administrator, codes stay.
 */
export interface CaseFacts {
  title: string;
  content: string;
  topicCode?: string | null;
  projectName?: string | null;
  street?: string | null;
}

/** The words of a case plus its topic code as a feature of its own (what the naive Bayes baseline reads). */
export function featuresOf(c: CaseFacts): string[] {
  return [...tokenize(`${c.title}。${c.content}`), ...(c.topicCode ? [`主题:${c.topicCode}`] : [])];
}

/**
 * Character bigrams (字二元组) of the Chinese runs of a text: they catch words jieba splits
 * differently or does not know (认筹金, a project's name), without a dictionary.
 */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}
