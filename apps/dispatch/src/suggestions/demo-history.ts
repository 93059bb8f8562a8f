import { seededRandom } from './naive-bayes';
import type { CaseFacts } from './tokenize';

/** One past order and the department (by code) that handled it. */
export interface HistoricalOrder extends CaseFacts {
  externalNo: string;
  departmentCode: string;
}

const PROJECTS = ['林肯公园', '金茂悦', '星悦国际', '天骄俊园', '鹿海园', '泰河园', '博客雅苑', '亦城景园', '经开壹号院', '国风尚樾', '融科瀚棠', '中铁诺德'];
const STREETS = ['荣华街道', '博兴街道', '亦庄镇', '旧宫镇', '瀛海镇', '台湖镇', '马驹桥镇'];
const ROADS = ['荣京东街', '科创十三街', '宏达南路', '西环南路', '康定街', '兴海路', '经海三路', '文化园东路'];
const TAILS = ['', '', '', '多次反映无果，', '老人孩子出行不便，', '已向有关方面反映过，', '影响周边居民生活，'];
const ASKS = ['请尽快处理。', '希望有关部门督促解决。', '请给予答复。', '要求尽快给个说法。', '请相关部门核实处理。'];

/**
 * Templates per department (科室), each with the topic code (主题编码) of the shipped taxonomy its
 * orders carry (none where the taxonomy has no topic: 规划, 其他). `{p}` project, `{s}` street, `{r}` road, `{n}` a number. The
 * vocabularies overlap where real orders do (漏水 in property and quality, 噪音 in property and
 * construction, 道路 in municipal and construction), so the model has to weigh words, not look them up.
 */
const TEMPLATES: Record<string, { weight: number; topicCode: string | null; items: Array<[title: string, content: string]> }> = {
  property: {
    weight: 24,
    topicCode: 'property',
    items: [
      ['小区电梯停运', '{p}{n}号楼电梯停运{n}天，物业一直不修，上下楼十分困难，'],
      ['电梯频繁故障', '{p}{n}号楼电梯经常困人，物业维保不到位，'],
      ['物业费收费不合理', '{p}物业公司擅自上调物业费，服务质量却没有提升，'],
      ['小区垃圾清运不及时', '{p}垃圾桶满溢好几天没人清运，气味很大，物业不管，'],
      ['地下车库漏水', '{p}地下车库顶板漏水，车辆被泡，物业推诿不处理，'],
      ['楼道堆放杂物', '{p}{n}号楼楼道被堆满杂物，存在消防隐患，物业不清理，'],
      ['邻居装修噪音', '{p}{n}号楼有住户周末装修噪音扰民，物业不管理，'],
      ['小区门禁损坏', '{p}单元门禁坏了{n}周，外来人员随意进出，物业不维修，'],
      ['物业服务差', '{p}物业管家态度恶劣，报修无人上门，绿化也无人养护，'],
      ['车位管理混乱', '{p}地面车位被外来车辆占用，物业管理混乱，停车收费不透明，'],
    ],
  },
  housing: {
    weight: 15,
    topicCode: 'delayed-handover',
    items: [
      ['延期交房', '购买{p}的商品房，合同约定{n}月交房，至今未交付，开发商不给明确交房时间，'],
      ['开发商逾期交付', '{p}项目已逾期{n}个月仍未交房，要求开发商按合同支付逾期违约金，'],
      ['交房时间一再推迟', '{p}开发商多次推迟交付日期，业主无法入住，还要还房贷，'],
      ['交房条件不具备', '{p}通知收房但水电燃气未通，不具备交付条件，开发商强行交房，'],
      ['要求公布交房计划', '{p}业主要求开发商公布交付计划和工程进度，开发商一直拖延，'],
    ],
  },
  sales: {
    weight: 10,
    topicCode: 'purchase-refund',
    items: [
      ['购房退费', '在{p}售楼处交了定金，因贷款未批下来要求退定金，开发商拒绝退还，'],
      ['认筹金不退', '{p}认筹时交了认筹金{n}万元，未选到房，开发商迟迟不退款，'],
      ['首付款退还', '与{p}开发商解除购房合同后，首付款至今未退，'],
      ['售楼处虚假宣传', '{p}售楼处宣传的学校和地铁都是假的，属于虚假宣传，要求退房退款，'],
      ['捆绑销售车位', '{p}售楼处要求买房必须同时买车位和装修包，属于捆绑销售，'],
      ['网签备案问题', '{p}购房合同网签后开发商不给办理备案，要求撤销网签退还房款，'],
    ],
  },
  construction: {
    weight: 15,
    topicCode: 'construction',
    items: [
      ['夜间施工噪音扰民', '{r}附近工地每天夜里{n}点后还在施工，噪音很大，严重影响休息，'],
      ['工地扬尘严重', '{r}旁工地裸土不覆盖，刮风时扬尘很大，'],
      ['渣土车遗撒', '{r}渣土车夜间运输遗撒严重，路面全是泥土，'],
      ['施工安全隐患', '{p}旁边在建工地塔吊在居民楼上方作业，存在安全隐患，'],
      ['工地围挡破损', '{r}工地围挡倒塌，施工区域没有防护，行人经过很危险，'],
      ['施工占道', '{r}工地施工材料占用道路，施工车辆堵塞交通，'],
      ['工地噪音', '{s}工地打桩机噪音很大，周末也在施工，'],
    ],
  },
  planning: {
    weight: 8,
    topicCode: null,
    items: [
      ['小区配套幼儿园未建', '{p}规划中的配套幼儿园和学校至今没有建设，'],
      ['规划变更未公示', '{p}开发商擅自变更规划，将绿地改为停车场，没有公示，'],
      ['违章建筑', '{p}一层住户私自扩建阳光房，属于违章建筑，'],
      ['新建楼遮挡日照', '{p}旁边新规划的高楼遮挡我家日照，要求查看规划审批，'],
      ['配套商业规划', '{p}规划的社区商业和菜市场一直没有建设，'],
    ],
  },
  quality: {
    weight: 12,
    topicCode: 'house-quality',
    items: [
      ['新房墙体开裂', '刚收的{p}新房墙体多处开裂，开发商不给维修，'],
      ['新房渗水漏水', '{p}新交付房屋卫生间渗水漏水，楼下被泡，开发商保修不到位，'],
      ['外墙保温层脱落', '{p}{n}号楼外墙保温层大面积脱落，存在质量问题，'],
      ['地面空鼓', '{p}交付的精装房地面空鼓、瓷砖开裂，质量很差，'],
      ['窗户密封不严', '{p}新房窗户密封不严漏风渗水，属于房屋质量问题，'],
      ['房屋质量验收', '{p}房屋存在多处质量缺陷，质疑竣工验收是否合格，'],
    ],
  },
  municipal: {
    weight: 11,
    topicCode: 'municipal',
    items: [
      ['路灯不亮', '{r}一段路灯已经坏了{n}天，晚上漆黑一片，行人出行不安全，'],
      ['道路坑洼破损', '{r}路面坑洼破损严重，车辆经过颠簸，'],
      ['井盖缺失', '{r}人行道上井盖缺失，容易有人掉下去，'],
      ['雨水管网堵塞积水', '{r}下雨后路面积水严重，雨水管网堵塞，'],
      ['污水外溢', '{r}污水井冒水外溢，臭气熏天，'],
      ['人行道破损', '{r}人行道砖松动破损，老人容易摔倒，'],
    ],
  },
  office: {
    weight: 5,
    topicCode: null,
    items: [
      ['政府信息公开申请', '申请公开{p}项目的审批文件，想了解办理进度，'],
      ['表扬工作人员', '感谢开发建设局工作人员耐心解答，处理效率很高，'],
      ['投诉工作人员态度', '去开发建设局窗口办事，工作人员态度冷淡，'],
      ['来信办理进度', '之前给开发建设局写信反映的事情，想了解办理进度，'],
    ],
  },
};

const GENERIC_TITLES = ['市民来电反映问题', '投诉', '咨询相关问题', '反映小区问题', '要求解决问题'];

/** Departments that end up handling some of each other's orders. */
const NEIGHBOURS: Record<string, string[]> = {
  property: ['quality', 'municipal'],
  housing: ['sales', 'quality'],
  sales: ['housing'],
  construction: ['municipal', 'planning'],
  planning: ['construction', 'housing'],
  quality: ['property', 'housing'],
  municipal: ['construction', 'property'],
  office: ['property', 'sales'],
};

/**
 * The labelled demo history: `size` orders over the 8 departments, generated from the templates
 * with a seeded PRNG (mulberry32), so the demo and the tests see the same orders on every run.
 * Like real orders, they are not all clean: one in five has no topic (其他) and one in
 * twenty a misleading one (intake's classification is not perfect); one in four has a generic
 * title; and one in ten was, in the end, handled by a neighbouring department (小区道路 by
 * property, 新房漏水 after the warranty by property, ...), so the same words point two ways.
 */
export function demoHistory(size = 480, seed = 12345): HistoricalOrder[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const codes = Object.keys(TEMPLATES);
  const totalWeight = codes.reduce((s, c) => s + TEMPLATES[c].weight, 0);
  const out: HistoricalOrder[] = [];
  for (let i = 0; i < size; i++) {
    let r = rnd() * totalWeight;
    const code = codes.find((c) => (r -= TEMPLATES[c].weight) < 0) ?? codes[0];
    const [specificTitle, content] = pick(TEMPLATES[code].items);
    const title = rnd() < 0.25 ? pick(GENERIC_TITLES) : specificTitle;
    const handledBy = rnd() < 0.1 ? pick(NEIGHBOURS[code]) : code;
    const projectName = pick(PROJECTS);
    const street = pick(STREETS);
    const fill = (s: string) =>
      s
        .replace(/\{p\}/g, projectName)
        .replace(/\{s\}/g, street)
        .replace(/\{r\}/g, pick(ROADS))
        .replace(/\{n\}/g, () => String(1 + Math.floor(rnd() * 12)));
    const roll = rnd();
    const topicCode = roll < 0.2 ? null : roll < 0.25 ? TEMPLATES[pick(codes)].topicCode : TEMPLATES[code].topicCode;
    out.push({
      externalNo: `DEMO-${String(i + 1).padStart(4, '0')}`,
      departmentCode: handledBy,
      title: fill(title),
      content: fill(content) + pick(TAILS) + pick(ASKS),
      topicCode,
      projectName,
      street,
    });
  }
  return out;
}
