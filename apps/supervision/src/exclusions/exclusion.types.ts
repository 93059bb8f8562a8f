import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CaseNode } from '../graphql-types';

@ObjectType('ExclusionEvidenceKind', { description: '所需佐证材料种类' })
export class ExclusionEvidenceKindNode {
  @Field(() => String, { description: '材料编码' }) key!: string;
  @Field(() => String, { description: '材料名称' }) label!: string;
}

@ObjectType('ExclusionType', { description: '不纳入考核类型（当月规则）' })
export class ExclusionTypeNode {
  @Field(() => String, { description: '类型编码' }) code!: string;
  @Field(() => String, { description: '类型名称' }) label!: string;
  @Field(() => String, { description: '适用条件' }) conditions!: string;
  @Field(() => [ExclusionEvidenceKindNode], { description: '所需佐证材料（每种至少一份）' }) requiredEvidence!: ExclusionEvidenceKindNode[];
  @Field(() => Int, { description: '申报截止：次月第 N 个工作日' }) deadlineWorkingDay!: number;
  @Field(() => Date, { nullable: true, description: '所查月份的申报截止时间（该日 24:00）' }) deadline!: Date | null;
}

@ObjectType('ExclusionRuleSet', { description: '不纳入考核规则集（按月、分版本）' })
export class ExclusionRuleSetNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '自该月起适用（YYYY-MM）' }) month!: string;
  @Field(() => Int, { description: '版本' }) version!: number;
  @Field(() => Boolean, { description: '默认规则集（待与局方确认）' }) isDefault!: boolean;
  @Field(() => String, { description: '说明' }) note!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [ExclusionTypeNode]) types!: ExclusionTypeNode[];
}

@ObjectType('ExclusionChecklistItem', { description: '核对清单的一项' })
export class ExclusionChecklistItemNode {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Boolean, { description: '已满足' }) done!: boolean;
}

@ObjectType('ExclusionEvidence', { description: '不纳入考核佐证材料' })
export class ExclusionEvidenceNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '材料种类编码' }) kind!: string;
  @Field(() => String, { description: '文件名' }) name!: string;
  @Field(() => String) contentType!: string;
  @Field(() => Int, { description: '字节数' }) size!: number;
  @Field(() => Date) uploadedAt!: Date;
  @Field(() => String, { description: '下载地址（需携带身份令牌）' }) url!: string;
}

@ObjectType('ExclusionClaim', { description: '不纳入考核申请' })
export class ExclusionClaimNode {
  @Field(() => ID) id!: string;
  @Field(() => CaseNode) case!: CaseNode;
  @Field(() => String, { description: '工单编号' }) externalNo!: string;
  @Field(() => String, { description: '考核月份（YYYY-MM）' }) month!: string;
  @Field(() => String, { description: '所依据规则集的起始月份' }) ruleSetMonth!: string;
  @Field(() => Int, { description: '所依据规则集的版本' }) ruleSetVersion!: number;
  @Field(() => String, { description: '类型编码' }) type!: string;
  @Field(() => String, { description: '类型名称' }) typeLabel!: string;
  @Field(() => String, { description: '申请说明' }) statement!: string;
  @Field(() => String, { description: 'draft 草稿 | submitted 已提交 | approved 已通过 | rejected 未通过 | withdrawn 已撤回' }) status!: string;
  @Field(() => String) statusLabel!: string;
  @Field(() => [ExclusionChecklistItemNode], { description: '核对清单（当月规则仍要求的内容）' }) checklist!: ExclusionChecklistItemNode[];
  @Field(() => Boolean, { description: '清单已全部满足' }) complete!: boolean;
  @Field(() => Date, { description: '申报截止时间' }) deadline!: Date;
  @Field(() => [ExclusionEvidenceNode]) evidence!: ExclusionEvidenceNode[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审核结果说明或撤回原因' }) decisionNote!: string | null;
  @Field(() => String, { description: '申请材料包下载地址（.zip，需携带身份令牌）' }) packageUrl!: string;
}

@ObjectType('ExclusionClaimPage', { description: '不纳入考核申请（分页）' })
export class ExclusionClaimPage {
  @Field(() => Int) total!: number;
  @Field(() => [ExclusionClaimNode]) items!: ExclusionClaimNode[];
}

@InputType('ExclusionClaimCreateInput')
export class ExclusionClaimCreateInput {
  @Field(() => ID, { nullable: true, description: '工单（或给出工单编号）' }) caseId?: string;
  @Field(() => String, { nullable: true, description: '工单编号' }) externalNo?: string;
  @Field(() => String, { nullable: true, description: '考核月份（默认本月）' }) month?: string;
  @Field(() => String, { description: '类型编码' }) type!: string;
  @Field(() => String, { nullable: true, description: '申请说明' }) statement?: string;
}

@InputType('ExclusionClaimUpdateInput')
export class ExclusionClaimUpdateInput {
  @Field(() => ID) claimId!: string;
  @Field(() => String, { nullable: true }) type?: string;
  @Field(() => String, { nullable: true }) statement?: string;
}

@InputType('ExclusionClaimDecisionInput')
export class ExclusionClaimDecisionInput {
  @Field(() => ID) claimId!: string;
  @Field(() => String, { description: '区级平台审核意见或撤回原因' }) note!: string;
}

@InputType('ExclusionEvidenceKindInput')
export class ExclusionEvidenceKindInput {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
}

@InputType('ExclusionTypeInput')
export class ExclusionTypeInput {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) conditions!: string;
  @Field(() => [ExclusionEvidenceKindInput]) requiredEvidence!: ExclusionEvidenceKindInput[];
  @Field(() => Int) deadlineWorkingDay!: number;
}

@InputType('ExclusionRuleSetInput')
export class ExclusionRuleSetInput {
  @Field(() => String, { description: '自该月起适用（YYYY-MM）' }) month!: string;
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => [ExclusionTypeInput]) types!: ExclusionTypeInput[];
}
