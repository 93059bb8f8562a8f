import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DepartmentRef, UserRef } from '@hotline/service-kit';

/** intake's Case, extended here with its clocks and 催办. */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class CaseNode {
  @Field(() => ID) id!: string;
}

@ObjectType('CaseClock', { description: '工单时钟（签收、分转、首次联系、办理、回访）' })
export class CaseClockNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'sign 签收 | dispatch 分转 | contact 首次联系 | handle 办理 | callback 回访' }) kind!: string;
  @Field(() => String, { description: '时钟名称（中文）' }) kindLabel!: string;
  @Field(() => String, { description: 'running 计时中 | paused 已暂停 | stopped 已停止' }) state!: string;
  @Field(() => String, { description: '时限规则编码' }) definitionKey!: string;
  @Field(() => Int, { description: '时限规则版本（计时所依据的版本）' }) definitionVersion!: number;
  @Field(() => String, { description: 'natural 自然时间 | working 工作时间' }) measure!: string;
  @Field(() => Float, { nullable: true, description: '时限（分钟，按计时方式）' }) targetMinutes!: number | null;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true, description: '到期时间（暂停会顺延）' }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '暂停开始时间（暂停中）' }) pausedAt!: Date | null;
  @Field(() => Float, { description: '累计暂停时长（分钟，自然时间）' }) pausedMinutes!: number;
  @Field(() => Float, { nullable: true, description: '已用时限比例（1 = 到期）' }) shareUsed!: number | null;
  @Field(() => Date, { nullable: true, description: '最近一次预警时间' }) warnedAt!: Date | null;
  @Field(() => Float, { nullable: true, description: '最近一次预警的比例' }) warnedShare!: number | null;
  @Field(() => Date, { nullable: true, description: '超期时间' }) breachedAt!: Date | null;
  @Field(() => Date, { nullable: true }) stoppedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'met 按时 | late 超时 | cancelled 取消 | reset 重新计时' }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: '无法计算到期时间的原因（如 CALENDAR_YEAR_NOT_LOADED：工作日历未导入）' }) blockedReason!: string | null;
  @Field(() => DepartmentRef, { nullable: true, description: '责任科室' }) department!: DepartmentRef | null;
}

@ObjectType('Urge', { description: '催办记录' })
export class UrgeNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'reminder 到期前提醒 | breach 超期催办 | escalation 升级 | manual 人工催办' }) level!: string;
  @Field(() => String) levelLabel!: string;
  @Field(() => [String], { description: 'department 承办科室 | supervisor 督办员 | leader 局领导' }) recipients!: string[];
  @Field(() => String, { nullable: true, description: '所涉时钟' }) clockKind!: string | null;
  @Field(() => DepartmentRef, { nullable: true }) department!: DepartmentRef | null;
  @Field(() => String, { nullable: true, description: '催办说明' }) note!: string | null;
  @Field(() => Date) at!: Date;
  @Field(() => UserRef, { nullable: true, description: '催办人（自动催办为空）' }) by!: UserRef | null;
}

export enum ClockQueueFilter {
  AT_RISK = 'at-risk',
  OVERDUE = 'overdue',
}
registerEnumType(ClockQueueFilter, { name: 'ClockQueueFilter', description: 'AT_RISK 即将超期（已预警） | OVERDUE 已超期' });

@ObjectType('ClockQueueItem', { description: '督办队列中的一项' })
export class ClockQueueItem {
  @Field(() => CaseClockNode) clock!: CaseClockNode;
  @Field(() => CaseNode) case!: CaseNode;
  @Field(() => String, { description: '工单编号' }) externalNo!: string;
  @Field(() => String, { description: '标题' }) title!: string;
  @Field(() => Int, { description: '已催办次数' }) urgeCount!: number;
}

@ObjectType('ClockQueuePage')
export class ClockQueuePage {
  @Field(() => Int) total!: number;
  @Field(() => [ClockQueueItem]) items!: ClockQueueItem[];
}

@ObjectType('CalendarDay', { description: '工作日历中的一天' })
export class CalendarDayNode {
  @Field(() => String, { description: 'YYYY-MM-DD（北京时间）' }) date!: string;
  @Field(() => Boolean, { description: '是否工作日' }) working!: boolean;
  @Field(() => String, { description: 'workday 工作日 | weekend 周末 | holiday 法定节假日 | swapped-workday 调休上班' }) kind!: string;
  @Field(() => String, { nullable: true, description: '节日或调休名称' }) name!: string | null;
}

@ObjectType('CalendarYear', { description: '已导入的年度节假日安排' })
export class CalendarYearNode {
  @Field(() => Int) year!: number;
  @Field(() => String, { description: 'chinese-days 内置数据 | admin 管理员导入' }) source!: string;
  @Field(() => Date) loadedAt!: Date;
  @Field(() => String) loadedBy!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: '节假日天数' }) holidays!: number;
  @Field(() => Int, { description: '调休上班天数' }) swappedWorkdays!: number;
}

@ObjectType('CalendarLoadResult')
export class CalendarLoadResult {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: '重新计算到期时间的在办时钟数' }) replanned!: number;
}

@InputType('CalendarDayInput')
export class CalendarDayInput {
  @Field(() => String) date!: string;
  @Field(() => Boolean) working!: boolean;
  @Field(() => String, { nullable: true }) name?: string;
}

@InputType('LoadCalendarYearInput', { description: '国务院办公厅年度节假日安排：放假日与调休上班日' })
export class LoadCalendarYearInput {
  @Field(() => Int) year!: number;
  @Field(() => [CalendarDayInput]) days!: CalendarDayInput[];
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType('ClockSelector', { description: '适用范围（空 = 全部）' })
export class ClockSelectorNode {
  @Field(() => [String], { nullable: true }) requestTypes?: string[];
  @Field(() => [String], { nullable: true }) urgencies?: string[];
  @Field(() => [String], { nullable: true }) tiers?: string[];
  @Field(() => [String], { nullable: true }) topics?: string[];
}

@ObjectType('ClockTriggers', { description: '开始、暂停、恢复、停止、取消、重新计时的事件' })
export class ClockTriggersNode {
  @Field(() => [String]) startOn!: string[];
  @Field(() => [String]) pauseOn!: string[];
  @Field(() => [String]) resumeOn!: string[];
  @Field(() => [String]) stopOn!: string[];
  @Field(() => [String]) cancelOn!: string[];
  @Field(() => [String]) resetOn!: string[];
}

@ObjectType('ClockDefinition', { description: '时限规则（带版本）' })
export class ClockDefinitionNode {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => ClockSelectorNode) selector!: ClockSelectorNode;
  @Field(() => String, { description: 'natural-minutes 自然分钟 | working-hours 工作小时 | working-days 工作日' }) targetUnit!: string;
  @Field(() => Float) targetAmount!: number;
  @Field(() => ClockTriggersNode) triggers!: ClockTriggersNode;
  @Field(() => [Int], { description: '预警比例（%）' }) warnShares!: number[];
  @Field(() => Int) priority!: number;
  @Field(() => Boolean, { description: '采用事件给出的时限（派单时限、延期批准）' }) deadlineFromEvent!: boolean;
  @Field(() => Boolean) active!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String) createdBy!: string;
  @Field(() => Date, { nullable: true }) supersededAt!: Date | null;
}

@InputType('ClockSelectorInput')
export class ClockSelectorInput {
  @Field(() => [String], { nullable: true }) requestTypes?: string[];
  @Field(() => [String], { nullable: true }) urgencies?: string[];
  @Field(() => [String], { nullable: true }) tiers?: string[];
  @Field(() => [String], { nullable: true }) topics?: string[];
}

@InputType('ClockTriggersInput')
export class ClockTriggersInput {
  @Field(() => [String]) startOn!: string[];
  @Field(() => [String], { nullable: true }) pauseOn?: string[];
  @Field(() => [String], { nullable: true }) resumeOn?: string[];
  @Field(() => [String], { nullable: true }) stopOn?: string[];
  @Field(() => [String], { nullable: true }) cancelOn?: string[];
  @Field(() => [String], { nullable: true }) resetOn?: string[];
}

@InputType('ClockDefinitionInput')
export class ClockDefinitionInput {
  @Field(() => String) key!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => ClockSelectorInput, { nullable: true }) selector?: ClockSelectorInput;
  @Field(() => String) targetUnit!: string;
  @Field(() => Float) targetAmount!: number;
  @Field(() => ClockTriggersInput) triggers!: ClockTriggersInput;
  @Field(() => [Int], { nullable: true }) warnShares?: number[];
  @Field(() => Int, { nullable: true }) priority?: number;
  @Field(() => Boolean, { nullable: true }) deadlineFromEvent?: boolean;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType('ClockEventOption', { description: '可用于时钟的工单事件' })
export class ClockEventOption {
  @Field(() => String) type!: string;
  @Field(() => String) label!: string;
}

@ObjectType('LadderStep', { description: '催办阶梯的一步' })
export class LadderStepNode {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: '适用的时钟（空 = 全部）' }) clockKinds!: string[];
  @Field(() => Int, { description: '时限比例（%）：小于 100 为到期前，100 为到期时，大于 100 为超期后' }) sharePct!: number;
  @Field(() => String) level!: string;
  @Field(() => [String]) recipients!: string[];
  @Field(() => Boolean) active!: boolean;
}

@InputType('LadderStepInput')
export class LadderStepInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { nullable: true }) clockKinds?: string[];
  @Field(() => Int) sharePct!: number;
  @Field(() => String) level!: string;
  @Field(() => [String]) recipients!: string[];
  @Field(() => Boolean, { nullable: true }) active?: boolean;
}

@InputType('UrgeCaseInput')
export class UrgeCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { description: '催办说明' }) note!: string;
  @Field(() => String, { nullable: true, description: '所涉时钟（可选）' }) clockKind?: string;
}

@ObjectType('ClockRebuildReport', { description: '按事件历史重算时钟并与现存时钟比较' })
export class ClockRebuildReport {
  @Field(() => Boolean) identical!: boolean;
  @Field(() => Int) stored!: number;
  @Field(() => Int) rebuilt!: number;
  @Field(() => [String]) differences!: string[];
}

@ObjectType('SecondSupervision', { description: '二次督办' })
export class SecondSupervisionNode {
  @Field(() => ID) id!: string;
  @Field(() => CaseNode) case!: CaseNode;
  @Field(() => String) externalNo!: string;
  @Field(() => Int, { description: '轮次' }) round!: number;
  @Field(() => DepartmentRef, { nullable: true, description: '主办科室' }) department?: DepartmentRef | null;
  @Field(() => String, { description: '重办说明（个人信息已遮蔽）' }) reason!: string;
  @Field(() => String, { description: '发起方式：callback 回访不满意 supervisor 督办员发起' }) trigger!: string;
  @Field(() => Date) openedAt!: Date;
  @Field(() => UserRef, { nullable: true, description: '发起人（督办员，或登记回访结果的回访员）' }) openedBy?: UserRef | null;
  @Field(() => Date, { description: '二次办理时限（工作日）' }) dueAt!: Date;
  @Field(() => String, { description: 'open 督办中 closed 已结束' }) status!: string;
  @Field(() => String, { nullable: true, description: '结果：resolved 已解决 unresolved 仍未解决 unreachable 回访未接通' }) outcome?: string | null;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
}

@ObjectType('SecondSupervisionPage')
export class SecondSupervisionPage {
  @Field(() => Int) total!: number;
  @Field(() => [SecondSupervisionNode]) items!: SecondSupervisionNode[];
}
