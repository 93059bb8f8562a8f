import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DepartmentRef, UserRef } from '@hotline/service-kit';
import { SatisfactionEnum } from './enums';

/** intake's Case, extended here with its callbacks (二次督办 is supervision's). */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class CaseNode {
  @Field(() => ID) id!: string;
}

@ObjectType('CallbackAttempt', { description: '回访呼叫记录' })
export class AttemptNode {
  @Field(() => Int, { description: '第几次呼叫' }) attempt!: number;
  @Field(() => String, { description: '呼叫结果：reached 已接通 no-answer 无人接听 refused 拒绝回访 wrong-number 号码错误' }) outcome!: string;
  @Field(() => String, { nullable: true, description: '备注（个人号码已遮蔽）' }) note?: string | null;
  @Field(() => Date) at!: Date;
  @Field(() => UserRef, { description: '回访员' }) by!: UserRef;
  @Field(() => Date, { nullable: true, description: '下次呼叫时间' }) nextAttemptAt?: Date | null;
}

@ObjectType('CallbackResult', { description: '回访结果（本局）' })
export class ResultNode {
  @Field(() => Int) round!: number;
  @Field(() => Boolean, { description: '是否接通' }) reached!: boolean;
  @Field(() => Boolean, { nullable: true, description: '是否解决' }) resolved?: boolean | null;
  @Field(() => SatisfactionEnum, { nullable: true, description: '满意度' }) satisfaction?: string | null;
  @Field(() => String, { nullable: true, description: '回访记录（个人号码已遮蔽）' }) notes?: string | null;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => UserRef, { nullable: true }) recordedBy?: UserRef | null;
}

@ObjectType('OfficialCallbackResult', { description: '区级平台回访结果（导入）' })
export class OfficialNode {
  @Field(() => String) externalNo!: string;
  @Field(() => Int) round!: number;
  @Field(() => Boolean) reached!: boolean;
  @Field(() => Boolean, { nullable: true }) resolved?: boolean | null;
  @Field(() => SatisfactionEnum, { nullable: true }) satisfaction?: string | null;
  @Field(() => Date, { nullable: true, description: '回访时间' }) calledAt?: Date | null;
  @Field(() => Date) importedAt!: Date;
  @Field(() => String, { description: '导入文件' }) fileName!: string;
}

@ObjectType('CallbackTask', { description: '回访任务（每个工单每轮一个）' })
export class TaskNode {
  @Field(() => ID) id!: string;
  @Field(() => CaseNode) case!: CaseNode;
  @Field(() => String, { description: '工单编号' }) externalNo!: string;
  @Field(() => String, { description: '诉求主题' }) topic!: string;
  @Field(() => DepartmentRef, { nullable: true, description: '主办科室' }) department?: DepartmentRef | null;
  @Field(() => Int, { description: '办理轮次：1 首次，2 二次督办后' }) round!: number;
  @Field(() => String, { description: '状态：open 待回访 done 已回访 unreachable 未接通 refused 拒绝回访 cancelled 已取消' }) status!: string;
  @Field(() => Date, { description: '办结时间' }) completedAt!: Date;
  @Field(() => Date, { description: '回访时限' }) dueAt!: Date;
  @Field(() => UserRef, { nullable: true, description: '承办回访员' }) assignee?: UserRef | null;
  @Field(() => Date, { nullable: true }) assignedAt?: Date | null;
  @Field(() => Boolean, { description: '是否由当前用户承办' }) heldByMe!: boolean;
  @Field(() => Int, { description: '已呼叫次数' }) attempts!: number;
  @Field(() => Date, { nullable: true, description: '下次呼叫时间（工作时间内）' }) nextAttemptAt?: Date | null;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
  @Field(() => [AttemptNode], { description: '呼叫记录' }) attemptLog!: AttemptNode[];
  @Field(() => ResultNode, { nullable: true, description: '本轮回访结果' }) result?: ResultNode | null;
  @Field(() => OfficialNode, { nullable: true, description: '区级平台本轮回访结果' }) official?: OfficialNode | null;
  @Field(() => Int, { description: '乐观锁版本号' }) version!: number;
}

@ObjectType('CallbackTaskPage', { description: '待回访（分页）' })
export class TaskPage {
  @Field(() => Int) total!: number;
  @Field(() => [TaskNode]) items!: TaskNode[];
}

@ObjectType('RateCounts', { description: '三率原始计数' })
export class RateCountsNode {
  @Field(() => Int, { description: '办结工单' }) cases!: number;
  @Field(() => Int, { description: '不纳入考核' }) excluded!: number;
  @Field(() => Int, { description: '参评工单' }) assessed!: number;
  @Field(() => Int, { description: '按时响应' }) responded!: number;
  @Field(() => Int, { description: '有效回访' }) answered!: number;
  @Field(() => Int, { description: '待回访或未接通' }) pending!: number;
  @Field(() => Int, { description: '已解决' }) resolved!: number;
  @Field(() => Int, { description: '满意' }) satisfied!: number;
  @Field(() => Int, { description: '基本满意' }) basicallySatisfied!: number;
  @Field(() => Int, { description: '不满意' }) dissatisfied!: number;
}

@ObjectType('RateRow', { description: '一个科室或主题的三率' })
export class RateRowNode {
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => DepartmentRef, { nullable: true }) department?: DepartmentRef | null;
  @Field(() => String, { nullable: true }) topic?: string | null;
  @Field(() => RateCountsNode) counts!: RateCountsNode;
  @Field(() => Float, { nullable: true, description: '响应率 (0–1)' }) responseRate!: number | null;
  @Field(() => Float, { nullable: true, description: '解决率 (0–1)' }) resolutionRate!: number | null;
  @Field(() => Float, { nullable: true, description: '满意率 (0–1)' }) satisfactionRate!: number | null;
  @Field(() => Float, { nullable: true, description: '综合得分 (0–100)' }) score!: number | null;
}

@ObjectType('ScoringPolicyWeights')
export class WeightsNode {
  @Field(() => Float, { description: '响应率权重 %' }) response!: number;
  @Field(() => Float, { description: '解决率权重 %' }) resolution!: number;
  @Field(() => Float, { description: '满意率权重 %' }) satisfaction!: number;
}

@ObjectType('ScoringPolicy', { description: '三率考核口径（按月份生效的版本）' })
export class PolicyNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '生效月份 YYYY-MM' }) effectiveFrom!: string;
  @Field(() => Int) version!: number;
  @Field(() => Boolean, { description: '系统默认口径（待与局方确认）' }) isDefault!: boolean;
  @Field(() => String) note!: string;
  @Field(() => [String], { description: '响应口径：contact 按时联系 handle 按期办结' }) responseClocks!: string[];
  @Field(() => Int, { description: '联系时限（小时）' }) contactHours!: number;
  @Field(() => Float, { description: '基本满意系数' }) basicFactor!: number;
  @Field(() => WeightsNode) weights!: WeightsNode;
  @Field(() => String, { description: '考核周期：calendar 自然月 cutoff 截止日' }) periodKind!: string;
  @Field(() => Int, { description: '截止日' }) cutoffDay!: number;
  @Field(() => String, { description: '回访结果来源：bureau 本局 official 区级平台 official-first 优先区级平台' }) resultSource!: string;
  @Field(() => String, { description: '计分轮次：first 首轮 latest 最后一轮' }) resultRound!: string;
  @Field(() => [String], { description: '不纳入考核的工单编号' }) excludedExternalNos!: string[];
  @Field(() => Boolean, { description: '经审核通过的不纳入考核申请移出三率分母' }) excludeApprovedClaims!: boolean;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ThreeRates', { description: '三率：响应率、解决率、满意率与综合得分' })
export class ThreeRatesNode extends RateRowNode {
  @Field(() => String, { description: '考核周期 YYYY-MM' }) period!: string;
  @Field(() => Date, { description: '周期起（含）' }) from!: Date;
  @Field(() => Date, { description: '周期止（不含）' }) to!: Date;
  @Field(() => Boolean, { description: '已关账（数据冻结）' }) closed!: boolean;
  @Field(() => PolicyNode, { description: '计算所用口径' }) policy!: PolicyNode;
  @Field(() => [RateRowNode], { description: '按科室' }) byDepartment!: RateRowNode[];
  @Field(() => [RateRowNode], { description: '按主题' }) byTopic!: RateRowNode[];
}

@ObjectType('OfficialImportError')
export class ImportErrorNode {
  @Field(() => Int, { description: '行号' }) row!: number;
  @Field(() => String, { nullable: true }) externalNo?: string | null;
  @Field(() => String) message!: string;
}

@ObjectType('OfficialImportReport', { description: '区级平台回访结果导入报告' })
export class ImportReportNode {
  @Field(() => Int) rows!: number;
  @Field(() => Int, { description: '新增' }) created!: number;
  @Field(() => Int, { description: '已存在且相同' }) unchanged!: number;
  @Field(() => Int, { description: '已更新' }) updated!: number;
  @Field(() => [ImportErrorNode], { description: '被拒绝的行（有任何一行被拒绝时不写入任何数据）' }) errors!: ImportErrorNode[];
}
