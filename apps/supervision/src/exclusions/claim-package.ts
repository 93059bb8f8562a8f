import type { EntityManager } from '@mikro-orm/postgresql';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { CalendarData } from '@hotline/calendar';
import type { FileStore } from '@hotline/service-kit';
import { claimNodes } from './claim-nodes';
import { ExclusionClaim, ExclusionEvidence, ExclusionRuleSet } from './exclusion.entities';

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

/** 申请说明 as a Word document: the case, the month's rule, the statement, the checklist and the evidence list. */
export async function statementDocx(em: EntityManager, claim: ExclusionClaim, cal: CalendarData): Promise<Buffer> {
  const [node] = await claimNodes(em, [claim], cal);
  const set = await em.findOneOrFail(ExclusionRuleSet, { id: claim.ruleSetId });
  const type = set.types.find((t) => t.code === claim.type)!;
  const doc = new Document({
    creator: '接诉即办督办系统',
    title: `不纳入考核申请 ${claim.externalNo}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('不纳入考核申请')] }),
          para(`工单编号：${claim.externalNo}`),
          para(`考核月份：${claim.month}`),
          para(`申请类型：${type.label}（${type.code}）`),
          para(`依据规则：${set.month} 起适用的规则集第 ${set.version} 版${set.isDefault ? '（默认规则集，待与局方确认）' : ''}`),
          para(`适用条件：${type.conditions}`),
          para(`状态：${node.statusLabel}`),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('申请说明')] }),
          ...claim.statement.split(/\r?\n/).map((line) => para(line)),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('核对清单')] }),
          ...node.checklist.map((i) => para(`${i.done ? '☑' : '☐'} ${i.label}`)),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('佐证材料')] }),
          ...(node.evidence.length
            ? node.evidence.map((e, i) => para(`${i + 1}. ${e.name}（${type.requiredEvidence.find((k) => k.key === e.kind)?.label ?? e.kind}）`))
            : [para('（无）')]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** 申请材料包 (.zip): `申请说明.docx` and the evidence under `佐证材料/`, numbered so names never collide. */
export async function claimPackage(em: EntityManager, store: FileStore, claim: ExclusionClaim, cal: CalendarData): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('申请说明.docx', await statementDocx(em, claim, cal));
  const files = await em.find(ExclusionEvidence, { claimId: claim.id }, { orderBy: { uploadedAt: 'asc' } });
  for (const [i, f] of files.entries()) {
    const bytes = await store.get(f.sha256);
    if (!bytes) throw new Error(`evidence ${f.id} missing from the file store`);
    zip.file(`佐证材料/${String(i + 1).padStart(2, '0')}-${f.name}`, bytes);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
