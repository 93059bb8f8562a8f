import type { EntityManager } from '@mikro-orm/postgresql';
import { receiveCase } from '../cases/receive-case';

const H = 3_600_000;

/** A dozen realistic orders about the bureau's topics. Invented people; demo data only. */
const DEMO_CASES = [
  {
    topic: '延期交房',
    requestType: 'complaint',
    projectName: '亦庄金茂悦',
    street: '荣华街道',
    title: '金茂悦二期延期交房无说法',
    content: '本人购买亦庄金茂悦二期住房，合同约定2026年6月30日交房，至今未交付，开发商未给出书面说明和补偿方案，要求尽快交房并按合同支付违约金。',
    citizenName: '张伟',
    citizenPhone: '13811112222',
    address: '北京市经济技术开发区荣华中路10号院',
  },
  {
    topic: '延期交房',
    requestType: 'help',
    projectName: '亦庄金茂悦',
    street: '荣华街道',
    title: '询问交房时间',
    content: '金茂悦二期业主，想了解最新的交房时间安排，以及能否先办理收房验房。',
    citizenName: '王芳',
    citizenPhone: '13922223333',
    address: '北京市经济技术开发区荣华中路10号院',
  },
  {
    topic: '购房退费',
    requestType: 'complaint',
    projectName: '星悦城',
    street: '博兴街道',
    title: '退房后购房款迟迟不退',
    content: '2026年3月与开发商协商一致解除购房合同，约定60日内退还首付款，现已超期两个月仍未退款，多次联系销售均推诿。',
    citizenName: '李娜',
    citizenPhone: '13633334444',
    address: '北京市经济技术开发区博兴六路8号',
  },
  {
    topic: '购房退费',
    requestType: 'consultation',
    projectName: '天骄府',
    street: '亦庄镇',
    title: '认购定金能否退还',
    content: '签了认购书交了5万元定金，还没签正式合同，因个人原因不想买了，想咨询定金能否退还，有什么规定。',
    citizenName: '刘洋',
    citizenPhone: '13744445555',
    address: '北京市大兴区亦庄镇',
  },
  {
    topic: '物业',
    requestType: 'complaint',
    projectName: '林肯公园',
    street: '荣京街道',
    title: '小区电梯频繁故障',
    content: '林肯公园小区5号楼电梯近一个月故障四次，有老人被困，物业维修拖延，要求督促物业彻底维修并公开维保记录。',
    citizenName: '陈静',
    citizenPhone: '13555556666',
    address: '北京市经济技术开发区荣京东街3号院5号楼',
  },
  {
    topic: '物业',
    requestType: 'complaint',
    projectName: '鹿海园',
    street: '荣京街道',
    title: '物业费上涨未公示',
    content: '鹿海园物业公司通知物业费从每平米2.5元涨到3.2元，未经业主大会表决，也没有公示收支情况。',
    citizenName: '杨磊',
    citizenPhone: '13466667777',
    address: '北京市经济技术开发区鹿海园三里',
  },
  {
    topic: '物业',
    requestType: 'suggestion',
    projectName: '亦城茗苑',
    street: '博兴街道',
    title: '建议增设电动车充电桩',
    content: '亦城茗苑小区电动车多，充电桩少，经常有人飞线充电，存在安全隐患，建议物业增设集中充电设施。',
    citizenName: '赵敏',
    citizenPhone: '13377778888',
    address: '北京市经济技术开发区亦城茗苑',
  },
  {
    topic: '施工',
    requestType: 'report',
    projectName: '经开区X85地块项目',
    street: '荣华街道',
    title: '工地夜间施工噪音扰民',
    content: '荣华南路附近工地每天晚上11点后仍在施工，打桩声音很大，严重影响周边居民休息，要求查处。',
    citizenName: '孙浩',
    citizenPhone: '13288889999',
    address: '北京市经济技术开发区荣华南路',
  },
  {
    topic: '施工',
    requestType: 'complaint',
    projectName: '亦庄新城保障房项目',
    street: '亦庄镇',
    title: '工地扬尘严重',
    content: '保障房项目工地渣土车未苫盖，道路扬尘严重，附近学校孩子上下学受影响。',
    citizenName: '周婷',
    citizenPhone: '13199990000',
    address: '北京市大兴区亦庄镇',
  },
  {
    topic: '施工',
    requestType: 'report',
    projectName: '经开区路网改造',
    street: '博兴街道',
    title: '施工围挡倒塌存在安全隐患',
    content: '博兴路施工围挡被风刮倒，占用人行道，晚上没有警示灯，行人很危险。',
    citizenName: '吴强',
    citizenPhone: '18600001111',
    address: '北京市经济技术开发区博兴路',
  },
  {
    topic: '房屋质量',
    requestType: 'complaint',
    projectName: '星悦城',
    street: '博兴街道',
    title: '新房墙面开裂渗水',
    content: '去年收房的星悦城住宅，卫生间墙面开裂并渗水到楼下，开发商保修拖延，要求督促维修。',
    citizenName: '郑洁',
    citizenPhone: '18711112222',
    address: '北京市经济技术开发区博兴六路8号',
  },
  {
    topic: '市政设施',
    requestType: 'praise',
    projectName: null,
    street: '荣京街道',
    title: '表扬路灯维修及时',
    content: '荣京东街路灯坏了，打电话反映后第二天就修好了，感谢相关部门的高效工作。',
    citizenName: '冯刚',
    citizenPhone: '18822223333',
    address: '北京市经济技术开发区荣京东街',
  },
] as const;

/** Idempotent: external numbers are fixed, so a second start changes nothing. */
export async function seedDemoCases(em: EntityManager): Promise<number> {
  const now = Date.now();
  let created = 0;
  for (const [i, c] of DEMO_CASES.entries()) {
    const r = await receiveCase(
      em.fork(),
      { system: 'intake-demo-seed' },
      {
        ...c,
        externalNo: `DEMO-2026-${String(i + 1).padStart(4, '0')}`,
        channel: 'district',
        receivedAt: new Date(now - (DEMO_CASES.length - i) * 0.5 * H),
        urgency: c.topic === '施工' && c.requestType === 'report' ? 'urgent' : 'normal',
      },
    );
    if (r.created) created++;
  }
  return created;
}
