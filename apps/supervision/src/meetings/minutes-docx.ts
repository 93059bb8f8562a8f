import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { TRACKED_TASK_SOURCE_LABELS } from '@hotline/contracts';
import type { Meeting } from './meeting.entity';
import type { MaterialCase, MeetingMaterial } from './material';

export interface MinutesTask {
  title: string;
  departmentName: string;
  dueDate: string;
  status: 'open' | 'done';
  decisionId: string | null;
}

export interface MinutesInput {
  meeting: Meeting;
  departmentNames: string[];
  material: MeetingMaterial;
  topicCases: Map<string, MaterialCase>;
  tasks: MinutesTask[];
}

/** Chinese text needs an East Asian font in Word; 宋体 is on every Chinese Windows, Noto/Source Han elsewhere substitute. */
const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };

const p = (text: string, opts: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; center?: boolean } = {}) =>
  new Paragraph({
    heading: opts.heading,
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    children: [new TextRun({ text, bold: opts.bold, font: FONT })],
  });

function table(head: string[], rows: string[][]): Table {
  const cell = (t: string, bold = false) => new TableCell({ children: [p(t, { bold })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const caseLine = (c: MaterialCase) =>
  `${c.externalNo} ${c.title}（${c.topic}，${c.departmentName}${c.completed ? '，已办结' : ''}${c.overdue ? `，超期：${c.overdueClocks.join('、') || '是'}` : ''}${c.reopened ? '，重办' : ''}）`;

/** 调度会纪要 as a Word document (.docx): meeting, attendance, topics with their cases, the material's figures, decisions and tasks. */
export async function minutesDocx(input: MinutesInput): Promise<Buffer> {
  const { meeting: m, material: mat } = input;
  const H = HeadingLevel.HEADING_2;
  const children: Array<Paragraph | Table> = [
    p(`调度会纪要：${m.title}`, { heading: HeadingLevel.TITLE, center: true }),
    p(`会议日期：${m.heldOn}`),
    p(`参会科室：${input.departmentNames.join('、') || '（无）'}`),
    p(`分析期间：${mat.periodFrom} 至 ${mat.periodTo}`),
    p('一、议题', { heading: H }),
  ];
  m.topics.forEach((t, i) => {
    children.push(p(`${i + 1}. ${t.title}`, { bold: true }));
    for (const id of t.caseIds) {
      const c = input.topicCases.get(id);
      if (c) children.push(p(`    关联工单：${caseLine(c)}`));
    }
    if (t.clusterIds.length) children.push(p(`    关联聚类：${t.clusterIds.join('、')}`));
  });
  children.push(
    p('二、分析材料', { heading: H }),
    p(`期间受理工单 ${mat.total} 件，其中超期 ${mat.overdueTotal} 件，重办（回访不满意或未解决）${mat.reopenedTotal} 件。`),
    p('按科室统计', { bold: true }),
    table(
      ['科室', '工单数'],
      mat.byDepartment.map((d) => [d.label, String(d.count)]),
    ),
    p('按问题类别统计', { bold: true }),
    table(
      ['问题类别', '工单数'],
      mat.byTopic.map((d) => [d.label, String(d.count)]),
    ),
    p('按周趋势', { bold: true }),
    table(
      ['周（起始日）', '工单数'],
      mat.weekly.map((w) => [w.weekStart, String(w.count)]),
    ),
    p('突出问题', { bold: true }),
    table(
      ['问题类别', '科室', '工单数', '超期'],
      mat.topProblems.map((x) => [x.topic, x.departmentName, String(x.count), String(x.overdue)]),
    ),
  );
  if (mat.overdueCases.length) {
    children.push(p('超期工单', { bold: true }), ...mat.overdueCases.map((c) => p(caseLine(c))));
  }
  if (mat.reopenedCases.length) {
    children.push(p('重办工单', { bold: true }), ...mat.reopenedCases.map((c) => p(caseLine(c))));
  }
  children.push(p('三、会议决定及任务', { heading: H }));
  if (m.decisions.length === 0) children.push(p('（暂无决定）'));
  m.decisions.forEach((d, i) => {
    children.push(p(`${i + 1}. ${d.text}`));
    const tasks = input.tasks.filter((t) => t.decisionId === d.id);
    if (tasks.length)
      children.push(
        table(
          ['任务', '责任科室', '截止日期', '状态'],
          tasks.map((t) => [t.title, t.departmentName, t.dueDate, t.status === 'done' ? '已完成' : '办理中']),
        ),
      );
  });
  children.push(p(`（任务来源：${TRACKED_TASK_SOURCE_LABELS.meeting}；到期前后按催办阶梯提醒责任科室）`));
  const doc = new Document({
    creator: '接诉即办平台',
    title: `调度会纪要：${m.title}`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
